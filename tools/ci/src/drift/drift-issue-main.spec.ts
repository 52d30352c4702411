import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceEnvironments } from '@platform/environments';
import { describe, expect, it } from 'vitest';
import { writeFileTree } from '../testing/file-tree.js';
import { driftMarker } from './drift-issue.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** A local stand-in for the GitHub REST API: records each call, answers like GitHub. */
async function fakeGitHub(open: object[]) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      calls.push({
        method: request.method ?? '',
        url: request.url ?? '',
        body: text && JSON.parse(text),
      });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(request.method === 'GET' ? open : { number: 41 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { calls, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const artifacts = (files: Record<string, string>) => writeFileTree(files);

/** The workspace's environments, whatever they are: the first one clean, the last one drifted. */
const names = workspaceEnvironments.map((environment) => environment.name);
const first = names[0] ?? '';
const last = names.at(-1) ?? '';

/** What drift.yml's plan job passes: each environment's stacks (one each in the workspace). */
const PROGRAMS = JSON.stringify(
  names.map((name) => ({
    dir: 'infra/cluster',
    project: '@platform/infra-cluster',
    name: 'infra-cluster',
    environment: name,
    stack: name,
  })),
);

function runMain(directory: string, apiUrl: string, programs = PROGRAMS) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      join(root, 'node_modules/.bin/tsx'),
      [
        join(root, 'tools/ci/src/drift/drift-issue-main.ts'),
        '--artifacts',
        directory,
        '--programs',
        programs,
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          GITHUB_TOKEN: 't',
          GITHUB_REPOSITORY: 'acme/platform',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_RUN_ID: '9',
          GITHUB_API_URL: apiUrl,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const stack = (stack: string, name: string, exitCode: number) => ({
  [`pulumi-drift-infra-cluster-${stack}/outcome.json`]: JSON.stringify({
    project: 'infra-cluster',
    stack,
    environment: stack,
    exitCode,
  }),
  [`pulumi-drift-infra-cluster-${stack}/preview.json`]: fixture(
    `../infra-preview/fixtures/${name}.stdout`,
  ),
});
const cluster = (environment: string, applications: string) => ({
  [`gitops-drift-${environment}/outcome.json`]: JSON.stringify({
    environment,
    applicationsExit: 0,
    fluxExit: 1,
  }),
  [`gitops-drift-${environment}/applications.json`]: fixture(`fixtures/${applications}.json`),
  [`gitops-drift-${environment}/flux.stderr`]:
    'error: the server doesn\'t have a resource type "kustomizations"',
});

describe('drift-issue-main (the report job of drift.yml)', () => {
  it('opens the drifted environment’s issue, closes the clean one’s, from the downloaded artifacts', async () => {
    const github = await fakeGitHub([
      { number: 3, body: `${driftMarker(first)}\nold` },
      { number: 4, body: `Drift in ${last} (typed by hand, no marker)` },
    ]);
    try {
      const result = await runMain(
        artifacts(
          Object.assign(
            {},
            ...names.map((name) =>
              name === last
                ? { ...stack(name, 'refresh-drift', 255), ...cluster(name, 'argo-drifted') }
                : { ...stack(name, 'preview-no-changes', 0), ...cluster(name, 'argo-healthy') },
            ),
          ) as Record<string, string>,
        ),
        github.url,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`${first}: clean; issue #3 closed\n`);
      expect(result.stdout).toContain(`${last}: drift; issue #41 created\n`);
      const writes = github.calls.filter((c) => c.method !== 'GET');
      expect(writes.map((c) => `${c.method} ${c.url}`)).toEqual([
        'POST /repos/acme/platform/issues/3/comments',
        'PATCH /repos/acme/platform/issues/3',
        'POST /repos/acme/platform/issues',
      ]);
      const created = writes[2]?.body as { title: string; body: string };
      expect(created.title).toBe(`Drift in ${last}`);
      expect(created.body).toContain('https://github.com/acme/platform/actions/runs/9');
      expect(created.body).toContain('`argocd/cert-manager`');
    } finally {
      github.server.close();
    }
  }, 30_000);

  it('fails, and leaves the issues alone, when a cluster could not be read', async () => {
    const github = await fakeGitHub([{ number: 3, body: `${driftMarker(first)}\nold` }]);
    try {
      // Every environment checked on both sides, but the first one's cluster was not read.
      const result = await runMain(
        artifacts(
          Object.assign(
            {},
            ...names.map((name) => ({
              ...stack(name, 'preview-no-changes', 0),
              ...(name === first ? {} : cluster(name, 'argo-healthy')),
            })),
          ) as Record<string, string>,
        ),
        github.url,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`${first}: unknown; issue #3 kept`);
      expect(result.stderr).toContain('1 environment(s) could not be checked');
      expect(github.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    } finally {
      github.server.close();
    }
  }, 30_000);

  it('refuses a --programs that is not the plan’s list of stacks, naming it, and writes nothing', async () => {
    const github = await fakeGitHub([]);
    try {
      // The programs alone (the list before stacks had environments) is not enough either.
      const result = await runMain(artifacts({}), github.url, '[{"name": "infra-cluster"}]');
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(
        'expected a JSON list of stacks with a name, stack and environment, got [{"name": "infra-cluster"}]',
      );
      expect(github.calls).toEqual([]);
    } finally {
      github.server.close();
    }
  }, 30_000);
});
