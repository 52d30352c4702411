import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_ROOT, WorkspaceCopy } from '../testing/workspace-copy.js';

/**
 * What a new user does on a fresh clone, with the real Nx, npm and git in a copy of this
 * workspace: make it theirs, add a service, ship it to staging. Nothing here reads the
 * template's sample app: it holds for any clone.
 */
/** Names no app of this workspace has, whatever a team added: the template's own or theirs. */
const freeName = (wanted: string) => {
  let name = wanted;
  for (let n = 2; existsSync(join(SOURCE_ROOT, 'apps', name)); n++) name = `${wanted}-${n}`;
  return name;
};
const APP = freeName('orders');
const WORKER = freeName('ledger');
const JOB = freeName('nightly-report');
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
      APP,
      '--dry-run',
    ]);
    expect(preview).toContain(`CREATE apps/${APP}/deploy/src/chart.ts`);
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

  it(`generates ${APP}: its folder, and outside it only the lockfile and TypeScript references`, () => {
    copy.ok('npx', ['nx', 'g', '@platform/workspace-plugin:service', APP]);
    const outside = copy.changed().filter((path) => !path.startsWith(`apps/${APP}/`));
    expect(outside.sort()).toEqual(['package-lock.json', 'tsconfig.json']);
    expect(copy.exists(`apps/${APP}/src/main.ts`)).toBe(true);
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
      `@platform/${APP}`,
      `@platform/${APP}-deploy`,
      '--outputStyle=static',
    ]);
    expect(copy.exists(`apps/${APP}/dist/main.js`)).toBe(true);
    expect(copy.exists(`manifests/staging/${APP}`)).toBe(false);
    copy.commit(`add ${APP}`);
  });

  it('selects only the new service for a change to its code, and only its chart for a change to the chart', () => {
    const affected = (file: string) =>
      copy
        .ok('npx', ['nx', 'show', 'projects', '--affected', `--files=${file}`])
        .trim()
        .split('\n');
    expect(affected(`apps/${APP}/src/routes.ts`)).toEqual([`@platform/${APP}`]);
    expect(affected(`apps/${APP}/deploy/src/chart.ts`)).toEqual([`@platform/${APP}-deploy`]);
  });

  it(`bumps ${APP} into staging only: it validates there, and production does not have it`, () => {
    const bump = copy.ok('npm', [
      'run',
      '--silent',
      'release',
      '--',
      'bump',
      '--env',
      'staging',
      '--app',
      APP,
      '--image-tag',
      '0.1.0',
    ]);
    expect(bump).toContain(
      `012345678901.dkr.ecr.eu-central-1.amazonaws.com/platform-staging/${APP}:0.1.0`,
    );
    expect(copy.exists(`manifests/staging/${APP}/deployment-${APP}.yaml`)).toBe(true);
    expect(copy.exists(`manifests/production/${APP}`)).toBe(false);
    expect(copy.ok('npm', ['run', '--silent', 'validate'])).toMatch(/, 0 problems$/m);
    expect(copy.ok('npm', ['run', '--silent', 'check-fresh'])).toContain('matches a fresh render');
    expect(copy.ok('npm', ['start'])).toMatch(
      new RegExp(`staging\\s+${APP}\\s+\\S+/${APP}:0\\.1\\.0`),
    );
  });

  it('generates a worker and a scheduled job that pass their tests and validate once they have images', () => {
    copy.ok('npx', ['nx', 'g', '@platform/workspace-plugin:service', WORKER, '--kind', 'worker']);
    copy.ok('npx', ['nx', 'g', '@platform/workspace-plugin:service', JOB, '--kind', 'cron']);
    copy.ok('npx', [
      'nx',
      'run-many',
      '-t',
      'typecheck',
      'lint',
      'test',
      '-p',
      `@platform/${WORKER}`,
      `@platform/${WORKER}-deploy`,
      `@platform/${JOB}`,
      `@platform/${JOB}-deploy`,
      '--outputStyle=static',
    ]);
    copy.commit('add a worker and a job');
    for (const app of [WORKER, JOB]) {
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
    expect(copy.exists(`manifests/staging/${WORKER}/deployment-${WORKER}.yaml`)).toBe(true);
    expect(copy.exists(`manifests/staging/${JOB}/cronjob-${JOB}.yaml`)).toBe(true);
    expect(copy.ok('npm', ['run', '--silent', 'validate'])).toMatch(/, 0 problems$/m);
  });
});
