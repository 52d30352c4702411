import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  driftIssueBody,
  driftMarker,
  driftVerdict,
  pulumiDrift,
  syncDriftIssue,
  type EnvironmentDrift,
  type GitHubClient,
} from './drift-issue.js';
import { argoDrift } from './gitops-drift.js';

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const preview = (name: string, exitCode: number, stderr = '') =>
  pulumiDrift({
    project: 'infra-cluster',
    stack: 'production',
    exitCode,
    json: name ? fixture(`../infra-preview/fixtures/${name}.stdout`) : '',
    log: stderr ? fixture(`../infra-preview/fixtures/${stderr}.stderr`) : '',
  });
const RUN = 'https://github.com/acme/platform/actions/runs/9';
const clean: EnvironmentDrift = {
  environment: 'production',
  pulumi: [preview('preview-no-changes', 0)],
  gitops: { state: 'clean', findings: [] },
  runUrl: RUN,
};
const drifted: EnvironmentDrift = {
  ...clean,
  pulumi: [preview('refresh-drift', 255, 'refresh-drift')],
  gitops: {
    state: 'drift',
    findings: argoDrift(JSON.parse(fixture('fixtures/argo-drifted.json'))),
  },
};

function fakeGitHub(open: { number: number; body?: string; pull_request?: unknown }[]) {
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

describe('pulumiDrift (the preview after a refresh, expecting no changes)', () => {
  it('none: the preview succeeded', () => {
    expect(preview('preview-no-changes', 0)).toMatchObject({ state: 'clean', changes: [] });
  });

  it('some drift: the failed preview’s digest proposes changes, read from its steps', () => {
    expect(preview('refresh-drift', 255, 'refresh-drift')).toMatchObject({
      state: 'drift',
      counts: { create: 1, update: 1 },
      changes: [
        { op: 'update', resource: 'aws:eks/nodeGroup:NodeGroup platform-production-nodes' },
        {
          op: 'create',
          resource: 'aws:ec2/securityGroupRule:SecurityGroupRule platform-production-api-ingress',
        },
      ],
    });
  });

  it('a failure that proposes nothing is no verdict (credentials, network)', () => {
    const failed = preview('', 255, 'preview-credentials-failed');
    expect(failed.state).toBe('failed');
    expect(failed.errors).toContain('error: unable to validate AWS credentials.');
  });
});

describe('driftVerdict', () => {
  it('is drift when either side drifts, unknown when a side was not checked', () => {
    expect(driftVerdict(clean)).toBe('clean');
    expect(driftVerdict(drifted)).toBe('drift');
    expect(driftVerdict({ ...clean, gitops: { state: 'failed', error: 'Forbidden' } })).toBe(
      'unknown',
    );
    expect(driftVerdict({ environment: 'production', pulumi: clean.pulumi, runUrl: RUN })).toBe(
      'unknown',
    );
    expect(driftVerdict({ ...clean, pulumi: [] })).toBe('unknown');
    expect(driftVerdict({ ...drifted, gitops: { state: 'failed', error: 'Forbidden' } })).toBe(
      'drift',
    );
  });
});

describe('driftIssueBody', () => {
  it('holds the marker, both sides and what a pulumi up would do', () => {
    const body = driftIssueBody(drifted);
    expect(body.startsWith(driftMarker('production'))).toBe(true);
    expect(body).toContain(
      '**`infra-cluster`** / `production`: ⚠️ drifted (1 to create, 1 to update)',
    );
    expect(body).toContain('- `update` `aws:eks/nodeGroup:NodeGroup platform-production-nodes`');
    expect(body).toContain('- Argo CD Application `argocd/staging-orders`: `OutOfSync`');
    expect(body).toContain(`Last checked: ${RUN}`);
  });
});

describe('syncDriftIssue (one issue per environment, found by its marker)', () => {
  const marked = (environment: string, number: number) => ({
    number,
    body: `${driftMarker(environment)}\nold text`,
  });

  it('opens one labelled issue when none is open', async () => {
    const { client, calls } = fakeGitHub([marked('staging', 3)]);
    expect(await syncDriftIssue(client, 'acme/platform', drifted)).toEqual({
      action: 'created',
      number: 99,
    });
    expect(calls[1]).toMatchObject({
      method: 'POST',
      path: '/repos/acme/platform/issues',
      body: { title: 'Drift in production', labels: ['drift'] },
    });
  });

  it('rewrites the open issue of the environment, never one with the title but not the marker', async () => {
    const { client, calls } = fakeGitHub([
      { number: 5, body: 'Drift in production', pull_request: {} },
      { number: 6, body: 'Drift in production, typed by hand' },
      marked('production', 7),
    ]);
    expect(await syncDriftIssue(client, 'acme/platform', drifted)).toEqual({
      action: 'updated',
      number: 7,
    });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /repos/acme/platform/issues?state=open&labels=drift&per_page=100',
      'PATCH /repos/acme/platform/issues/7',
    ]);
    expect((calls[1]?.body as { body: string }).body).toContain('OutOfSync');
  });

  it('closes the issue when the drift is gone', async () => {
    const { client, calls } = fakeGitHub([marked('production', 7)]);
    expect(await syncDriftIssue(client, 'acme/platform', clean)).toEqual({
      action: 'closed',
      number: 7,
    });
    expect(calls.slice(1).map((c) => [c.method, c.path, c.body])).toEqual([
      [
        'POST',
        '/repos/acme/platform/issues/7/comments',
        { body: `The drift check found no drift in **production** any more: ${RUN}` },
      ],
      ['PATCH', '/repos/acme/platform/issues/7', { state: 'closed', state_reason: 'completed' }],
    ]);
  });

  it('leaves the issue alone when a check could not decide, and opens none when clean', async () => {
    const unknown = fakeGitHub([marked('production', 7)]);
    expect(
      await syncDriftIssue(unknown.client, 'acme/platform', {
        ...clean,
        gitops: { state: 'failed', error: 'Forbidden' },
      }),
    ).toEqual({ action: 'kept', number: 7 });
    expect(unknown.calls).toHaveLength(1);
    const none = fakeGitHub([]);
    expect(await syncDriftIssue(none.client, 'acme/platform', clean)).toEqual({ action: 'none' });
    expect(none.calls).toHaveLength(1);
  });
});
