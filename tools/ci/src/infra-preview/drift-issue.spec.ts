import { describe, expect, it } from 'vitest';
import { driftTitle, isDrift, reportDrift, type GitHubClient } from './drift-issue.js';

function fakeGitHub(open: { number: number; title: string; pull_request?: unknown }[]) {
  const calls: { method: string; path: string; body?: unknown }[] = [];
  const client: GitHubClient = {
    request: <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => {
      calls.push({ method, path, body });
      if (method === 'GET') return Promise.resolve(open as T);
      return Promise.resolve({ number: 99 } as T);
    },
  };
  return { client, calls };
}
const report = {
  repository: 'acme/platform',
  project: 'infra-cluster',
  stack: 'production',
  preview: '~ aws:eks:NodeGroup update',
  runUrl: 'https://github.com/acme/platform/actions/runs/1',
};

describe('reportDrift', () => {
  it('opens one labelled issue when none is open', async () => {
    const { client, calls } = fakeGitHub([]);
    expect(await reportDrift(client, report)).toEqual({ action: 'created', number: 99 });
    expect(calls[1]).toMatchObject({
      method: 'POST',
      path: '/repos/acme/platform/issues',
      body: { title: 'Infrastructure drift: infra-cluster (production)', labels: ['drift'] },
    });
    expect((calls[1]?.body as { body: string }).body).toContain('~ aws:eks:NodeGroup update');
  });

  it('comments on the open issue instead of opening another', async () => {
    const { client, calls } = fakeGitHub([
      { number: 5, title: driftTitle(report), pull_request: {} },
      { number: 7, title: driftTitle(report) },
    ]);
    expect(await reportDrift(client, report)).toEqual({ action: 'commented', number: 7 });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /repos/acme/platform/issues?state=open&labels=drift&per_page=100',
      'POST /repos/acme/platform/issues/7/comments',
    ]);
  });
});

describe('isDrift', () => {
  it('recognises the preview that found changes', () => {
    expect(
      isDrift('~ 1 to update\nerror: no changes were expected but changes were proposed'),
    ).toBe(true);
  });

  it('does not mistake another failure for drift', () => {
    expect(isDrift('error: failed to get AWS credentials: AccessDenied')).toBe(false);
  });
});
