import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testEnvironment } from '@platform/environments/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileTree } from '../testing/file-tree.js';
import type { PulumiProgram } from './affected-stacks.js';
import { environmentStacks } from './environment-stacks.js';
import { ciRoleArn, readStackCiAccount } from './stack-ci-role.js';
import { workloadCredentials } from './workload-credentials.js';

const CLUSTER: PulumiProgram = {
  project: '@platform/infra-cluster',
  dir: 'infra/cluster',
  name: 'infra-cluster',
};
const BOOTSTRAP: PulumiProgram = {
  project: '@platform/infra-bootstrap',
  dir: 'infra/bootstrap',
  name: 'infra-bootstrap',
};

const single = testEnvironment('qa');
const spoked = testEnvironment('live', {
  engine: 'argocd',
  clusters: [
    // Listed out of order: the hub still comes first.
    { name: 'west', region: 'us-west-2', stack: 'live-west' },
    { name: 'ctl', region: 'ca-central-1', stack: 'live-ctl', role: 'hub' },
    { name: 'south', region: 'sa-east-1', stack: 'live-south' },
  ],
});

/** infra/cluster's Pulumi.yaml, trimmed to what names the roles (the defaults the CLI applies). */
const PROJECT_FILE = [
  'name: infra-cluster',
  'runtime: nodejs',
  'config:',
  '  accountId:',
  '    type: string',
  '  region:',
  '    type: string',
  '  platformName:',
  '    type: string',
  '    default: platform',
  '  ciProvider:',
  '    type: string',
  '    default: github',
  '  githubEnvironments:',
  '    type: array',
  '    default: []',
  '',
].join('\n');
const stackFile = (lines: readonly string[]) =>
  ['config:', ...lines.map((line) => `  infra-cluster:${line}`), ''].join('\n');

let dirs: string[] = [];
const clusterDir = (files: Record<string, string>) => {
  const root = writeFileTree({ 'Pulumi.yaml': PROJECT_FILE, ...files }, 'cluster-stacks-');
  dirs.push(root);
  return root;
};
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A stand-in for the stack files: the role ARN names the stack, so the order shows in it. */
const fakeCredentials = (cluster: { stack: string; region: string }) => ({
  roleArn: `role-of-${cluster.stack}`,
  region: cluster.region,
});

describe('environmentStacks', () => {
  it('a single-cluster environment: each program once, on the stack named after it, with the environment’s variables', () => {
    expect(environmentStacks([CLUSTER, BOOTSTRAP], single, fakeCredentials)).toEqual([
      { ...CLUSTER, environment: 'qa', stack: 'qa' },
      { ...BOOTSTRAP, environment: 'qa', stack: 'qa' },
    ]);
  });

  it('hub and spoke: the hub’s stack, then each workload stack with its own role and region, then bootstrap', () => {
    expect(environmentStacks([CLUSTER, BOOTSTRAP], spoked, fakeCredentials)).toEqual([
      // The hub uses the environment's role variables, like a single cluster's stack, in its region.
      { ...CLUSTER, environment: 'live', stack: 'live-ctl', region: 'ca-central-1' },
      {
        ...CLUSTER,
        environment: 'live',
        stack: 'live-west',
        roleArn: 'role-of-live-west',
        region: 'us-west-2',
      },
      {
        ...CLUSTER,
        environment: 'live',
        stack: 'live-south',
        roleArn: 'role-of-live-south',
        region: 'sa-east-1',
      },
      // Bootstrap connects to the hub: its stack is the environment's, after every cluster stack.
      { ...BOOTSTRAP, environment: 'live', stack: 'live' },
    ]);
  });

  it('only the programs it is given: bootstrap alone is one stack, the cluster program alone is every cluster', () => {
    expect(environmentStacks([BOOTSTRAP], spoked, fakeCredentials).map((t) => t.stack)).toEqual([
      'live',
    ]);
    expect(environmentStacks([CLUSTER], spoked, fakeCredentials).map((t) => t.stack)).toEqual([
      'live-ctl',
      'live-west',
      'live-south',
    ]);
  });

  it('refuses an environment whose cluster list is bad, naming it (the data’s own check)', () => {
    const noHub = testEnvironment('bad', {
      engine: 'argocd',
      clusters: [{ name: 'a', region: 'eu-west-1', stack: 'bad-a' }],
    });
    expect(() => environmentStacks([CLUSTER], noHub, fakeCredentials)).toThrow(
      "environment 'bad': clusters need exactly one with role 'hub' (found none)",
    );
  });
});

describe('workloadCredentials: a workload stack’s own role, from its Pulumi.<stack>.yaml', () => {
  const west = { name: 'west', region: 'us-west-2', stack: 'live-west' };
  const westFile = (extra: readonly string[] = []) =>
    stackFile([
      "accountId: '493817265301'",
      'region: us-west-2',
      'githubEnvironments: [live]',
      ...extra,
    ]);

  it('names the deploy and preview roles as infra/cluster does, with Pulumi.yaml’s defaults', () => {
    const dir = clusterDir({ 'Pulumi.live-west.yaml': westFile() });
    expect(workloadCredentials(dir, spoked, 'deploy')(west)).toEqual({
      roleArn: 'arn:aws:iam::493817265301:role/platform-live-west-github-deploy',
      region: 'us-west-2',
    });
    expect(workloadCredentials(dir, spoked, 'preview')(west).roleArn).toBe(
      'arn:aws:iam::493817265301:role/platform-live-west-github-preview',
    );
  });

  it('takes platformName and ciProvider from the stack file when it sets them', () => {
    const dir = clusterDir({
      'Pulumi.live-west.yaml': stackFile([
        'accountId: 493817265301', // unquoted: YAML reads a number, still the account
        'region: us-west-2',
        'platformName: shop',
        'ciProvider: gitlab',
      ]),
    });
    const account = readStackCiAccount(dir, 'live-west');
    expect(ciRoleArn(account, 'live-west', 'deploy')).toBe(
      'arn:aws:iam::493817265301:role/shop-live-west-gitlab-deploy',
    );
    // A GitLab stack trusts no GitHub environment: the GitHub check does not apply to it.
    expect(workloadCredentials(dir, spoked, 'deploy')(west).roleArn).toContain('gitlab-deploy');
  });

  it('uses the partition of the region (China, GovCloud)', () => {
    const dir = clusterDir({
      'Pulumi.cn-stack.yaml': stackFile(["accountId: '493817265301'", 'region: cn-north-1']),
    });
    expect(ciRoleArn(readStackCiAccount(dir, 'cn-stack'), 'cn-stack', 'preview')).toBe(
      'arn:aws-cn:iam::493817265301:role/platform-cn-stack-github-preview',
    );
  });

  it('refuses a listed stack without a stack file, naming the file', () => {
    const dir = clusterDir({});
    expect(() => workloadCredentials(dir, spoked, 'deploy')(west)).toThrow(
      `${join(dir, 'Pulumi.live-west.yaml')} does not exist: stack 'live-west' has no stack file`,
    );
  });

  it('refuses a stack file without an accountId, or with one that is not an account, naming the file', () => {
    const dir = clusterDir({
      'Pulumi.live-west.yaml': stackFile(['region: us-west-2']),
      'Pulumi.live-south.yaml': stackFile(["accountId: '4938'", 'region: sa-east-1']),
    });
    expect(() => workloadCredentials(dir, spoked, 'preview')(west)).toThrow(
      `${join(dir, 'Pulumi.live-west.yaml')} sets no infra-cluster:accountId`,
    );
    expect(() => readStackCiAccount(dir, 'live-south')).toThrow(
      `${join(dir, 'Pulumi.live-south.yaml')}: infra-cluster:accountId '4938' is not a 12-digit account id`,
    );
  });

  it('refuses a stack file whose region is not the data’s', () => {
    const dir = clusterDir({
      'Pulumi.live-west.yaml': stackFile(["accountId: '493817265301'", 'region: us-east-1']),
    });
    expect(() => workloadCredentials(dir, spoked, 'preview')(west)).toThrow(
      "region 'us-east-1' is not the region of cluster 'west' of environment 'live' ('us-west-2' in libs/environments)",
    );
  });

  it('refuses a deploy role that would not trust the environment’s jobs; the preview role needs no environment', () => {
    const dir = clusterDir({
      'Pulumi.live-west.yaml': stackFile([
        "accountId: '493817265301'",
        'region: us-west-2',
        'githubEnvironments: [qa]',
      ]),
    });
    expect(() => workloadCredentials(dir, spoked, 'deploy')(west)).toThrow(
      "githubEnvironments [qa] leaves out 'live': the deploy role of stack 'live-west' would refuse the jobs that apply environment 'live'",
    );
    expect(workloadCredentials(dir, spoked, 'preview')(west).region).toBe('us-west-2');
  });

  it('expands a hub-and-spoke environment from the stack files: only the workload stacks carry a role', () => {
    const dir = clusterDir({
      'Pulumi.live-west.yaml': westFile(),
      'Pulumi.live-south.yaml': stackFile([
        "accountId: '582716394015'",
        'region: sa-east-1',
        'githubEnvironments: [live]',
      ]),
      // No file for the hub is needed: its roles are the environment's variables.
    });
    const targets = environmentStacks(
      [CLUSTER, BOOTSTRAP],
      spoked,
      workloadCredentials(dir, spoked, 'deploy'),
    );
    expect(targets.map((t) => [t.stack, t.roleArn, t.region])).toEqual([
      ['live-ctl', undefined, 'ca-central-1'],
      ['live-west', 'arn:aws:iam::493817265301:role/platform-live-west-github-deploy', 'us-west-2'],
      [
        'live-south',
        'arn:aws:iam::582716394015:role/platform-live-south-github-deploy',
        'sa-east-1',
      ],
      ['live', undefined, undefined],
    ]);
  });
});

describe('readStackCiAccount on the workspace’s own infra/cluster', () => {
  it('finds the keys and defaults it mirrors in the real Pulumi.yaml and stack files', () => {
    const dir = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'infra/cluster');
    for (const stack of ['staging', 'production']) {
      const account = readStackCiAccount(dir, stack);
      expect(account.platformName).toBe('platform');
      expect(account.ciProvider).toBe('github');
      expect(account.githubEnvironments).toEqual([stack]);
      expect(account.accountId).toMatch(/^\d{12}$/);
    }
  });
});
