import type { Tree } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BEFORE, initFixtureTree } from '../../testing/init-fixture.js';
import { changedPaths, snapshot } from '../../testing/lockfile-tree.js';
import initGenerator from './generator.js';

let tree: Tree;
beforeEach(() => {
  tree = initFixtureTree();
});
const read = (path: string) => tree.read(path, 'utf8') ?? '';
const config = (path: string) => parse(read(path)).config as Record<string, unknown>;
const ours = {
  repository: 'acme/platform',
  region: 'eu-central-1',
  accountId: '012345678901',
  productionAccountId: '210987654321',
};
const REGISTRY_STAGING = '012345678901.dkr.ecr.eu-central-1.amazonaws.com/platform-staging';

describe('nx g init', () => {
  it("writes the accounts, region, zones and repository into each environment's cluster stack", async () => {
    await initGenerator(tree, ours);
    expect(config('infra/cluster/Pulumi.staging.yaml')).toMatchObject({
      'infra-cluster:accountId': '012345678901',
      'infra-cluster:region': 'eu-central-1',
      'infra-cluster:availabilityZones': ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
      'infra-cluster:githubRepository': 'acme/platform',
      'infra-cluster:ecrPullAccountIds': ['210987654321'],
    });
    expect(config('infra/cluster/Pulumi.production.yaml')).toMatchObject({
      'infra-cluster:accountId': '210987654321',
      'infra-cluster:vpcCidr': '10.10.0.0/16',
    });
    expect(read('infra/cluster/Pulumi.staging.yaml')).toContain(
      "# Production pulls what staging built.\n  infra-cluster:ecrPullAccountIds:\n    - '210987654321'",
    );
    expect(read('infra/cluster/Pulumi.staging.yaml')).toContain("accountId: '012345678901'");
  });

  it('points every bootstrap stack at the Pulumi organisation, and writes no repository key there', async () => {
    await initGenerator(tree, { ...ours, pulumiOrg: 'acme-infra' });
    expect(config('infra/bootstrap/Pulumi.staging.yaml')).toEqual({
      'infra-bootstrap:clusterStack': 'acme-infra/infra-cluster/staging',
      'infra-bootstrap:repoAccess': 'ssh',
    });
    expect(config('infra/bootstrap/Pulumi.local.yaml')).toEqual({
      'infra-bootstrap:repoAccess': 'public',
    });
  });

  it('points the workspace repository and the rendered platform layer at the repository', async () => {
    await initGenerator(tree, ours);
    expect(read('libs/environments/src/repository.ts')).toContain(
      "  url: 'https://github.com/acme/platform.git',",
    );
    expect(read('manifests/staging/_platform/appproject-staging.yaml')).toContain(
      '- https://github.com/acme/platform.git',
    );
    expect(read('manifests/staging/_platform/appproject-staging.yaml')).not.toContain(
      BEFORE.repository,
    );
  });

  it("keeps the template's ssh form of the workspace repository, in the rendered platform layer too", async () => {
    // The template's own repository.ts, so the edit is proven on the file init really meets.
    const template = readFileSync(
      fileURLToPath(new URL('../../../../../libs/environments/src/repository.ts', import.meta.url)),
      'utf8',
    );
    expect(template).toContain("  url: 'git@github.com:");
    tree.write('libs/environments/src/repository.ts', template);
    const before = /url: '([^']+)'/.exec(template)?.[1] ?? '';
    tree.write(
      'manifests/staging/_platform/appproject-staging.yaml',
      `spec:\n  sourceRepos:\n    - ${before}\n`,
    );
    await initGenerator(tree, ours);
    expect(read('libs/environments/src/repository.ts')).toContain(
      "  url: 'git@github.com:acme/platform.git',",
    );
    expect(read('libs/environments/src/repository.ts')).toContain("  revision: 'main',");
    expect(read('manifests/staging/_platform/appproject-staging.yaml')).toContain(
      '- git@github.com:acme/platform.git',
    );
  });

  it('moves the registries in the environment data, the image files and the rendered manifests', async () => {
    await initGenerator(tree, ours);
    expect(read('libs/environments/src/environments.ts')).toContain(`'${REGISTRY_STAGING}'`);
    expect(read('libs/environments/src/environments.ts')).toContain(
      "'210987654321.dkr.ecr.eu-central-1.amazonaws.com/platform-production'",
    );
    for (const environment of ['staging', 'production']) {
      expect(read(`apps/shop/deploy/images/${environment}.yaml`)).toBe(
        `# ours\nimage: ${REGISTRY_STAGING}/shop:1.0.0\n`,
      );
      expect(read(`manifests/${environment}/shop/deployment-shop.yaml`)).toContain(
        `- image: ${REGISTRY_STAGING}/shop:1.0.0`,
      );
    }
    expect(read('apps/shop/src/main.ts')).toContain(BEFORE.staging);
  });

  it('is idempotent: a second run with the same values changes nothing', async () => {
    await initGenerator(tree, ours);
    const once = snapshot(tree);
    await initGenerator(tree, ours);
    expect(changedPaths(once, snapshot(tree))).toEqual([]);
  });

  it('puts both environments in one account: no cross-account pulls, one OIDC provider', async () => {
    await initGenerator(tree, { ...ours, productionAccountId: undefined });
    expect(config('infra/cluster/Pulumi.staging.yaml')).not.toHaveProperty(
      'infra-cluster:ecrPullAccountIds',
    );
    expect(config('infra/cluster/Pulumi.staging.yaml')).not.toHaveProperty(
      'infra-cluster:githubOidcProviderArn',
    );
    expect(config('infra/cluster/Pulumi.production.yaml')).toMatchObject({
      'infra-cluster:accountId': '012345678901',
      'infra-cluster:githubOidcProviderArn':
        'arn:aws:iam::012345678901:oidc-provider/token.actions.githubusercontent.com',
    });
  });

  it('takes the zones it is given, and asks for them where the letters differ per account', async () => {
    await initGenerator(tree, { ...ours, region: 'ap-northeast-1' });
    expect(config('infra/cluster/Pulumi.staging.yaml')['infra-cluster:availabilityZones']).toEqual([
      'ap-northeast-1a',
      'ap-northeast-1c',
      'ap-northeast-1d',
    ]);
    await expect(initGenerator(tree, { ...ours, region: 'us-west-1' })).rejects.toThrow(
      "cannot init: us-west-1's zone names differ per account: give --availability-zones",
    );
    await initGenerator(tree, {
      ...ours,
      region: 'us-west-1',
      availabilityZones: 'us-west-1b,us-west-1c',
    });
    expect(config('infra/cluster/Pulumi.staging.yaml')['infra-cluster:availabilityZones']).toEqual([
      'us-west-1b',
      'us-west-1c',
    ]);
  });

  it.each([
    [{ repository: 'platform' }, "--repository 'platform' is not a GitHub <owner>/<name>"],
    [{ repository: 'acme/plat form' }, "--repository 'acme/plat form' is not a GitHub"],
    [{ repository: '-acme/platform' }, "--repository '-acme/platform' is not a GitHub"],
    [{ region: 'eu-west-9' }, "--region 'eu-west-9' is not an AWS region of the aws partition"],
    [{ region: 'cn-north-1' }, "--region 'cn-north-1' is not an AWS region of the aws partition"],
    [{ accountId: '12345' }, "--account-id '12345' is not a 12-digit AWS account id"],
    [{ productionAccountId: '1234567890123' }, "--production-account-id '1234567890123' is not"],
    [{ availabilityZones: 'eu-central-1a' }, '--availability-zones needs at least two different'],
    [
      { availabilityZones: 'eu-central-1a,us-east-1b' },
      "--availability-zones 'us-east-1b' is not a zone of eu-central-1",
    ],
  ])('refuses %j with one line, changing nothing', async (bad, message) => {
    const before = snapshot(tree);
    await expect(initGenerator(tree, { ...ours, ...bad })).rejects.toThrow(
      `cannot init: ${message}`,
    );
    expect(snapshot(tree)).toEqual(before);
  });
});
