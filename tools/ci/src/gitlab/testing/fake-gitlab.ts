import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Note } from '../merge-request-note.js';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly token: string | undefined;
  readonly body: unknown;
}

/**
 * A GitLab REST API of one project and merge request, as far as notes go: `GET /user` (the
 * token's user), the merge request's notes listed a few per page with `x-next-page` (as GitLab
 * paginates), created and edited. Anything else, or a wrong token, answers as GitLab does (404,
 * 401). Every request is recorded.
 */
export async function fakeGitlab(options: {
  readonly token: string;
  readonly userId: number;
  readonly projectId: string;
  readonly mergeRequestIid: string;
  readonly notes?: Note[];
  readonly pageSize?: number;
}) {
  const notes: Note[] = [...(options.notes ?? [])];
  const requests: RecordedRequest[] = [];
  const pageSize = options.pageSize ?? 2;
  let nextId = Math.max(100, ...notes.map((note) => note.id)) + 1;
  const notesPath = `/api/v4/projects/${encodeURIComponent(options.projectId)}/merge_requests/${options.mergeRequestIid}/notes`;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readJson(request);
    const token = request.headers['private-token'] as string | undefined;
    requests.push({ method: request.method ?? '', url: request.url ?? '', token, body });
    const url = new URL(request.url ?? '/', 'http://fake');
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(data));
    };
    if (token !== options.token) return send(401, { message: '401 Unauthorized' });
    if (request.method === 'GET' && url.pathname === '/api/v4/user')
      return send(200, { id: options.userId, username: 'project_1_bot' });
    if (url.pathname === notesPath && request.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '1');
      const slice = notes.slice((page - 1) * pageSize, page * pageSize);
      const more = page * pageSize < notes.length;
      return send(200, slice, { 'x-next-page': more ? String(page + 1) : '' });
    }
    if (url.pathname === notesPath && request.method === 'POST') {
      const note: Note = {
        id: nextId++,
        body: (body as { body: string }).body,
        author: { id: options.userId },
      };
      notes.push(note);
      return send(201, note);
    }
    const edit = url.pathname.startsWith(`${notesPath}/`) && request.method === 'PUT';
    const index = edit
      ? notes.findIndex((n) => String(n.id) === url.pathname.slice(notesPath.length + 1))
      : -1;
    const found = notes[index];
    if (found) {
      if (found.author.id !== options.userId) return send(403, { message: '403 Forbidden' });
      notes[index] = { ...found, body: (body as { body: string }).body };
      return send(200, notes[index]);
    }
    return send(404, { message: '404 Not Found' });
  };
  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v4`,
    notes,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
