import { readJson, type Tree } from '@nx/devkit';
import { platformServiceContract as contract } from '@platform/service-contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { changedPaths, LOCKED, snapshot, workspaceTree } from '../../testing/lockfile-tree.js';
import serviceGenerator from './generator.js';

let tree: Tree;
let before: Map<string, string>;
beforeEach(() => {
  tree = workspaceTree();
  before = snapshot(tree);
});
const read = (path: string) => tree.read(path, 'utf8') ?? '';

describe('nx g service', () => {
  it('writes one folder: the service, its Dockerfile, its chart and their tests', async () => {
    await serviceGenerator(tree, { name: 'billing' });
    const written = changedPaths(before, snapshot(tree));
    expect(written.filter((path) => !path.startsWith('apps/billing/')).sort()).toEqual([
      'package-lock.json',
      'tsconfig.json',
    ]);
    expect(written).toEqual(
      expect.arrayContaining([
        'apps/billing/src/main.ts',
        'apps/billing/src/service.ts',
        'apps/billing/src/main.spec.ts',
        'apps/billing/Dockerfile',
        'apps/billing/Dockerfile.dockerignore',
        'apps/billing/deploy/src/chart.ts',
        'apps/billing/deploy/src/chart.spec.ts',
      ]),
    );
    expect(read('apps/billing/src/service.ts')).toContain("name: 'billing'");
    expect(read('apps/billing/deploy/src/chart.ts')).toContain(
      'export default class BillingChart extends AppChart',
    );
  });

  it('names its projects, tags them for the module boundaries, builds to dist/main.js', async () => {
    await serviceGenerator(tree, { name: 'billing' });
    expect(readJson(tree, 'apps/billing/package.json')).toMatchObject({
      name: '@platform/billing',
      main: './dist/main.js',
      dependencies: { '@platform/service-runtime': '0.0.0' },
      nx: { tags: ['type:app', 'scope:billing'] },
    });
    expect(readJson(tree, 'apps/billing/deploy/package.json')).toMatchObject({
      name: '@platform/billing-deploy',
      dependencies: { cdk8s: LOCKED.cdk8s, constructs: LOCKED.constructs },
      nx: { tags: ['type:chart', 'scope:billing'] },
    });
  });

  it("builds an image that runs as the contract's user on its port, with no shell", async () => {
    await serviceGenerator(tree, { name: 'billing' });
    const dockerfile = read('apps/billing/Dockerfile');
    expect(dockerfile).toContain(`USER ${contract.runAsUser}:${contract.runAsUser}`);
    expect(dockerfile).toContain(`EXPOSE ${contract.port}`);
    expect(dockerfile).toContain('RUN npx tsx tools/ci/src/build-service-main.ts apps/billing');
    expect(dockerfile).toMatch(/ARG RUNTIME_IMAGE=gcr\.io\/distroless\/nodejs22-debian13:/);
    expect(read('apps/billing/Dockerfile.dockerignore').split('\n')).toEqual(
      expect.arrayContaining(['*', '!apps/billing/src', '!apps/*/deploy/package.json']),
    );
  });

  it('locks the new workspaces as npm would, with the versions the workspace already has', async () => {
    await serviceGenerator(tree, { name: 'billing' });
    const { packages } = readJson(tree, 'package-lock.json');
    expect(packages['node_modules/@platform/billing']).toEqual({
      resolved: 'apps/billing',
      link: true,
    });
    expect(packages['node_modules/@platform/billing-deploy']).toEqual({
      resolved: 'apps/billing/deploy',
      link: true,
    });
    expect(packages['apps/billing'].devDependencies).toMatchObject({
      supertest: LOCKED.supertest,
      'dockerfile-ast': LOCKED['dockerfile-ast'],
    });
    const keys = Object.keys(packages);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'en')));
    expect(readJson(tree, 'tsconfig.json').references).toEqual([
      { path: './apps/billing' },
      { path: './apps/billing/deploy' },
    ]);
  });

  it('asks npm to install only when the workspace lacks a package the app needs', async () => {
    expect(await serviceGenerator(tree, { name: 'billing' })).toBeUndefined();
    const lacking = workspaceTree(
      Object.fromEntries(Object.entries(LOCKED).filter(([name]) => name !== 'supertest')),
    );
    expect(typeof (await serviceGenerator(lacking, { name: 'billing' }))).toBe('function');
    // Pinned exactly, at the generator's own version, for npm to lock.
    expect(readJson(lacking, 'apps/billing/package.json').devDependencies.supertest).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
  });

  it.each([
    ['Orders', 'is not a DNS-1123 label'],
    ['orders_api', 'is not a DNS-1123 label'],
    ['-orders', 'is not a DNS-1123 label'],
    ['o'.repeat(57), 'is 57 characters long; at most 56'],
    ['default', "is a namespace the platform reserves ('default')"],
    ['kube-public', "is a namespace the platform reserves ('kube-*')"],
    ['argocd', "is a namespace the platform reserves ('argocd')"],
    ['flux-system', "is a namespace the platform reserves ('flux-system')"],
    ['sealed-secrets', "is a namespace the platform reserves ('sealed-secrets')"],
  ])('refuses %j with one line, writing nothing', async (name, problem) => {
    await expect(serviceGenerator(tree, { name })).rejects.toThrow(
      new RegExp(`^cannot add service: '${name}' ${problem.replace(/[()*]/g, '\\$&')}`),
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('refuses an app that exists, writing nothing', async () => {
    tree.write('apps/billing/README.md', 'ours');
    const existing = snapshot(tree);
    await expect(serviceGenerator(tree, { name: 'billing' })).rejects.toThrow(
      'cannot add service: apps/billing already exists',
    );
    expect(snapshot(tree)).toEqual(existing);
  });

  it.each([
    ['web', 'WebService', 'src/routes.ts'],
    ['worker', 'Worker', 'src/work.ts'],
    ['cron', 'ScheduledJob', 'src/job.ts'],
    ['stateful', 'StatefulService', 'src/routes.ts'],
  ] as const)('--kind %s starts its chart from %s and writes %s', async (kind, construct, file) => {
    await serviceGenerator(tree, { name: 'billing', kind });
    expect(read('apps/billing/deploy/src/chart.ts')).toContain(`new ${construct}(this,`);
    expect(tree.exists(`apps/billing/${file}`)).toBe(true);
    expect(read('apps/billing/Dockerfile').includes('EXPOSE')).toBe(kind !== 'cron');
  });

  it('refuses an unknown kind, writing nothing', async () => {
    await expect(
      serviceGenerator(tree, { name: 'billing', kind: 'lambda' as never }),
    ).rejects.toThrow(
      "cannot add service: --kind 'lambda' is not one of web, worker, cron, stateful",
    );
    expect(snapshot(tree)).toEqual(before);
  });
});
