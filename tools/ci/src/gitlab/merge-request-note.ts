/**
 * One note per merge request, kept up to date: the first run posts it, every later run edits
 * the same note. It is found by a hidden marker (an HTML comment GitLab does not render) among
 * the notes of the token's own user, so a note someone else wrote with the marker is left alone.
 */

/** GitLab refuses a note body longer than this (characters). */
export const NOTE_BODY_LIMIT = 1_000_000;

export interface Note {
  readonly id: number;
  readonly body: string;
  readonly author: { readonly id: number };
  readonly system?: boolean;
}

export interface GitlabResponse<T> {
  readonly data: T;
  /** GitLab's `x-next-page`: the next page of a list, absent on the last. */
  readonly nextPage: string | undefined;
}

/** The few calls of the GitLab REST API (v4) this needs; paths are relative to `/api/v4`. */
export interface GitlabClient {
  request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<GitlabResponse<T>>;
}

export interface MergeRequestRef {
  /** The project's id (or its URL-encoded path): CI_PROJECT_ID. */
  readonly projectId: string;
  /** The merge request's iid within the project: CI_MERGE_REQUEST_IID. */
  readonly mergeRequestIid: string;
}

/** `<!-- <name> -->`: names are letters, digits, `.`, `_`, `-`, `:` (nothing that ends a comment). */
export function noteMarker(name: string): string {
  if (!/^[A-Za-z0-9._:-]+$/.test(name))
    throw new Error(`note marker '${name}' may hold only letters, digits, '.', '_', '-' and ':'`);
  return `<!-- ${name} -->`;
}

/** Posts the note, or edits the token user's note that carries the marker. */
export async function upsertNote(
  client: GitlabClient,
  target: MergeRequestRef,
  markerName: string,
  body: string,
): Promise<{ action: 'created' | 'updated'; noteId: number }> {
  const marker = noteMarker(markerName);
  const text = `${marker}\n${body}`;
  if (text.length > NOTE_BODY_LIMIT) {
    throw new Error(
      `the note is ${text.length} characters, above GitLab's limit of ${NOTE_BODY_LIMIT}: cut what goes into it`,
    );
  }
  const notesPath = `/projects/${encodeURIComponent(target.projectId)}/merge_requests/${encodeURIComponent(target.mergeRequestIid)}/notes`;
  const me = (await client.request<{ id: number }>('GET', '/user')).data;
  const existing = await findNote(
    client,
    notesPath,
    (note) => note.author.id === me.id && !note.system && note.body.startsWith(marker),
  );
  if (existing) {
    await client.request('PUT', `${notesPath}/${existing.id}`, { body: text });
    return { action: 'updated', noteId: existing.id };
  }
  const created = (await client.request<Note>('POST', notesPath, { body: text })).data;
  return { action: 'created', noteId: created.id };
}

/** The oldest note that matches, reading every page. */
async function findNote(
  client: GitlabClient,
  notesPath: string,
  matches: (note: Note) => boolean,
): Promise<Note | undefined> {
  let page: string | undefined = '1';
  while (page) {
    const response: GitlabResponse<Note[]> = await client.request<Note[]>(
      'GET',
      `${notesPath}?sort=asc&order_by=created_at&per_page=100&page=${page}`,
    );
    const found = response.data.find(matches);
    if (found) return found;
    page = response.nextPage;
  }
  return undefined;
}

/**
 * A client for the REST API of `apiUrl` (CI_API_V4_URL, e.g. https://gitlab.com/api/v4) with an
 * access token (a project access token with the `api` scope: the job token cannot write notes).
 */
export function gitlabClient(token: string, apiUrl: string): GitlabClient {
  const base = apiUrl.replace(/\/+$/, '');
  return {
    async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          'private-token': token,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) {
        const detail = (await response.text()).slice(0, 500);
        throw new Error(`GitLab API ${method} ${path.split('?')[0]}: ${response.status} ${detail}`);
      }
      return {
        data: (await response.json()) as T,
        nextPage: response.headers.get('x-next-page') || undefined,
      };
    },
  };
}
