import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceCopy } from '../testing/workspace-copy.js';

/**
 * What a new user does on a fresh clone, with the real Nx, npm and git in a copy of this
 * workspace: make it theirs, add a service, ship it to staging. Nothing here reads the
 * template's sample app: it holds for any clone.
 */
let copy: WorkspaceCopy;
const generate = (...args: string[]) => copy.run('npx', ['nx', 'g', ...args]);
/** The template's placeholders, spelled so this file does not hold them itself. */
const PLACEHOLDERS = [['example', 'org'].join('-'), '1'.repeat(12), '2'.repeat(12)].join('|');
const INIT = [
  '@platform/workspace-plugin:init',
  '--repository',
  'acme/platform',
  '--region',
  'eu-central-1',
  '--account-id',
  '012345678901',
  '--production-account-id',
  '210987654321',
];

beforeAll(() => {
  copy = WorkspaceCopy.create();
});
afterAll(() => copy.remove());

describe('a new user on a fresh clone', () => {
  it('refuses bad init input with one line and changes nothing', () => {
    const result = generate(...INIT.slice(0, 5), '--account-id', '1234');
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(
      "cannot init: --account-id '1234' is not a 12-digit AWS account id",
    );
    expect(copy.changed()).toEqual([]);
  });

  it('runs init: no placeholder is left outside the docs, and running it again changes nothing', () => {
    copy.ok('npx', ['nx', 'g', ...INIT]);
    const leftovers = copy.run('git', [
      'grep',
      '-n',
      '-I',
      '-E',
      PLACEHOLDERS,
      '--',
      '.',
      ':!*.md',
    ]);
    expect(leftovers.stdout).toBe('');
    copy.commit('init');
    copy.ok('npx', ['nx', 'g', ...INIT]);
    expect(copy.changed()).toEqual([]);
  });

  it('keeps the workspace rendered and its stack files valid after init', () => {
    expect(copy.ok('npm', ['run', '--silent', 'check-fresh'])).toContain('matches a fresh render');
    copy.ok('npx', ['vitest', 'run', '--root', 'infra/cluster', 'src/project-files.spec.ts']);
    copy.ok('npx', ['vitest', 'run', '--root', 'infra/bootstrap', 'src/pulumi-yaml.spec.ts']);
  });

  it('previews the service with --dry-run, writing nothing', () => {
    const preview = copy.ok('npx', [
      'nx',
      'g',
      '@platform/workspace-plugin:service',
      'orders',
      '--dry-run',
    ]);
    expect(preview).toContain('CREATE apps/orders/deploy/src/chart.ts');
    expect(copy.changed()).toEqual([]);
  });

  it('refuses a reserved name with one line and a non-zero exit, writing nothing', () => {
    const result = generate('@platform/workspace-plugin:service', 'kube-orders');
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(
      "cannot add service: 'kube-orders' is a namespace the platform reserves ('kube-*')",
    );
    expect(copy.changed()).toEqual([]);
  });

  it('generates orders: its folder, and outside it only the lockfile and TypeScript references', () => {
    copy.ok('npx', ['nx', 'g', '@platform/workspace-plugin:service', 'orders']);
    const outside = copy.changed().filter((path) => !path.startsWith('apps/orders/'));
    expect(outside.sort()).toEqual(['package-lock.json', 'tsconfig.json']);
    expect(copy.exists('apps/orders/src/main.ts')).toBe(true);
  });

  it('leaves a lockfile npm agrees with and TypeScript references Nx agrees with', () => {
    const generated = copy.read('package-lock.json');
    copy.ok('npm', [
      'install',
      '--package-lock-only',
      '--ignore-scripts',
      '--offline',
      '--no-audit',
      '--no-fund',
    ]);
    expect(copy.read('package-lock.json')).toBe(generated);
    copy.ok('npx', ['nx', 'sync:check']);
  });

  it('typechecks, lints, tests and builds the new projects, rendering nothing before an image', () => {
    copy.ok('npx', [
      'nx',
      'run-many',
      '-t',
      'typecheck',
      'lint',
      'test',
      'build',
      'render',
      '-p',
      '@platform/orders',
      '@platform/orders-deploy',
      '--outputStyle=static',
    ]);
    expect(copy.exists('apps/orders/dist/main.js')).toBe(true);
    expect(copy.exists('manifests/staging/orders')).toBe(false);
    copy.commit('add orders');
  });

  it('selects only the new service for a change to its code, and only its chart for a change to the chart', () => {
    const affected = (file: string) =>
      copy
        .ok('npx', ['nx', 'show', 'projects', '--affected', `--files=${file}`])
        .trim()
        .split('\n');
    expect(affected('apps/orders/src/routes.ts')).toEqual(['@platform/orders']);
    expect(affected('apps/orders/deploy/src/chart.ts')).toEqual(['@platform/orders-deploy']);
  });

  it('bumps orders into staging only: it validates there, and production does not have it', () => {
    const bump = copy.ok('npm', [
      'run',
      '--silent',
      'release',
      '--',
      'bump',
      '--env',
      'staging',
      '--app',
      'orders',
      '--image-tag',
      '0.1.0',
    ]);
    expect(bump).toContain(
      '012345678901.dkr.ecr.eu-central-1.amazonaws.com/platform-staging/orders:0.1.0',
    );
    expect(copy.exists('manifests/staging/orders/deployment-orders.yaml')).toBe(true);
    expect(copy.exists('manifests/production/orders')).toBe(false);
    expect(copy.ok('npm', ['run', '--silent', 'validate'])).toMatch(/, 0 problems$/m);
    expect(copy.ok('npm', ['run', '--silent', 'check-fresh'])).toContain('matches a fresh render');
    expect(copy.ok('npm', ['start'])).toMatch(/staging\s+orders\s+\S+orders:0\.1\.0/);
  });

  it('generates a worker and a scheduled job that pass their tests and validate once they have images', () => {
    copy.ok('npx', ['nx', 'g', '@platform/workspace-plugin:service', 'ledger', '--kind', 'worker']);
    copy.ok('npx', [
      'nx',
      'g',
      '@platform/workspace-plugin:service',
      'nightly-report',
      '--kind',
      'cron',
    ]);
    copy.ok('npx', [
      'nx',
      'run-many',
      '-t',
      'typecheck',
      'lint',
      'test',
      '-p',
      '@platform/ledger',
      '@platform/ledger-deploy',
      '@platform/nightly-report',
      '@platform/nightly-report-deploy',
      '--outputStyle=static',
    ]);
    copy.commit('add a worker and a job');
    for (const app of ['ledger', 'nightly-report']) {
      copy.ok('npm', [
        'run',
        '--silent',
        'release',
        '--',
        'bump',
        '--env',
        'staging',
        '--app',
        app,
        '--image-tag',
        '0.1.0',
      ]);
    }
    expect(copy.exists('manifests/staging/ledger/deployment-ledger.yaml')).toBe(true);
    expect(copy.exists('manifests/staging/nightly-report/cronjob-nightly-report.yaml')).toBe(true);
    expect(copy.ok('npm', ['run', '--silent', 'validate'])).toMatch(/, 0 problems$/m);
  });
});
