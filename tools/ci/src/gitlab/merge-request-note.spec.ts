import { afterEach, describe, expect, it } from 'vitest';
import { gitlabClient, noteMarker, upsertNote, type Note } from './merge-request-note.js';
import { fakeGitlab } from './testing/fake-gitlab.js';

const TOKEN = 'glpat-fixture';
const ME = 41;
const target = { projectId: 'group/sub/project', mergeRequestIid: '7' };
let server: Awaited<ReturnType<typeof fakeGitlab>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (notes: Note[] = []) => {
  server = await fakeGitlab({ token: TOKEN, userId: ME, ...target, notes });
  return { gitlab: server, client: gitlabClient(TOKEN, server.apiUrl) };
};
const note = (id: number, body: string, author = ME): Note => ({
  id,
  body,
  author: { id: author },
});

describe('upsertNote', () => {
  it('posts the note with its hidden marker when the merge request has none', async () => {
    const { gitlab, client } = await start([note(1, 'Looks good')]);
    expect(await upsertNote(client, target, 'platform-review', '## Review\n')).toEqual({
      action: 'created',
      noteId: 101,
    });
    expect(gitlab.notes.map((n) => n.body)).toEqual([
      'Looks good',
      '<!-- platform-review -->\n## Review\n',
    ]);
    const post = gitlab.requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/v4/projects/group%2Fsub%2Fproject/merge_requests/7/notes');
    expect(gitlab.requests.every((r) => r.token === TOKEN)).toBe(true);
  });

  it('edits that same note on the next push: one note per merge request, however many pushes', async () => {
    const { gitlab, client } = await start();
    await upsertNote(client, target, 'platform-review', 'first push');
    expect(await upsertNote(client, target, 'platform-review', 'second push')).toEqual({
      action: 'updated',
      noteId: 101,
    });
    await upsertNote(client, target, 'platform-review', 'third push');
    expect(gitlab.notes.map((n) => n.body)).toEqual(['<!-- platform-review -->\nthird push']);
  });

  it('finds its note on a later page of the notes', async () => {
    const { gitlab, client } = await start([
      note(1, 'a'),
      note(2, 'b'),
      note(3, 'c'),
      note(4, 'd'),
      note(5, '<!-- platform-review -->\nold'),
    ]);
    expect(await upsertNote(client, target, 'platform-review', 'new')).toEqual({
      action: 'updated',
      noteId: 5,
    });
    expect(
      gitlab.requests.filter((r) => r.method === 'GET' && r.url.includes('/notes')),
    ).toHaveLength(3);
  });

  it('leaves alone a note of someone else carrying the marker, and a note of another marker', async () => {
    const { gitlab, client } = await start([
      note(1, '<!-- platform-review -->\nquoted by a reviewer', 7),
      note(2, '<!-- other-report -->\nmine, of another job'),
    ]);
    expect((await upsertNote(client, target, 'platform-review', 'mine')).action).toBe('created');
    expect(gitlab.notes.map((n) => n.body)).toEqual([
      '<!-- platform-review -->\nquoted by a reviewer',
      '<!-- other-report -->\nmine, of another job',
      '<!-- platform-review -->\nmine',
    ]);
  });

  it('fails with the call and GitLab’s answer when the token is refused, writing nothing', async () => {
    const { gitlab } = await start();
    const client = gitlabClient('wrong-token', gitlab.apiUrl);
    await expect(upsertNote(client, target, 'platform-review', 'x')).rejects.toThrow(
      'GitLab API GET /user: 401 {"message":"401 Unauthorized"}',
    );
    expect(gitlab.notes).toEqual([]);
  });

  it('refuses a body above GitLab’s limit before calling the API', async () => {
    const { gitlab, client } = await start();
    await expect(
      upsertNote(client, target, 'platform-review', 'x'.repeat(1_000_000)),
    ).rejects.toThrow(/is 1000025 characters, above GitLab's limit of 1000000/);
    expect(gitlab.requests).toEqual([]);
  });
});

describe('noteMarker', () => {
  it('is an HTML comment, and refuses a name that could end it', () => {
    expect(noteMarker('platform-review')).toBe('<!-- platform-review -->');
    expect(() => noteMarker('x --> y')).toThrow("note marker 'x --> y' may hold only");
  });
});
