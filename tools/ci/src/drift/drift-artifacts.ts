import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentDrift, GitOpsDrift } from './drift-issue.js';
import { pulumiDrift, type PulumiDrift } from './drift-issue.js';
import { argoDrift, fluxDrift, isMissingResourceType } from './gitops-drift.js';

/** drift.yml's artifacts: one per Pulumi program and stack, one per environment's engine cluster. */
export const PULUMI_DRIFT_PREFIX = 'pulumi-drift-';
export const GITOPS_DRIFT_PREFIX = 'gitops-drift-';

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
const outcome = (folder: string): Record<string, unknown> => {
  const text = read(join(folder, 'outcome.json'));
  if (!text) throw new Error(`${folder} has no outcome.json`);
  return JSON.parse(text) as Record<string, unknown>;
};
const exitCode = (value: unknown) => (typeof value === 'number' ? value : 1);

/** A stack the plan job asked the checks to preview, and the environment whose issue it goes in. */
export interface CheckedStack {
  readonly project: string;
  readonly stack: string;
  readonly environment: string;
}

/** One stack's check, with its environment (a workload cluster's stack is not named after it). */
function readPulumi(folder: string): { environment: string; drift: PulumiDrift } {
  const o = outcome(folder);
  if (
    typeof o['project'] !== 'string' ||
    typeof o['stack'] !== 'string' ||
    typeof o['environment'] !== 'string'
  )
    throw new Error(`${join(folder, 'outcome.json')} names no project, stack and environment`);
  return {
    environment: o['environment'],
    drift: pulumiDrift({
      project: o['project'],
      stack: o['stack'],
      exitCode: exitCode(o['exitCode']),
      json: read(join(folder, 'preview.json')),
      log: read(join(folder, 'preview.json.stderr')),
    }),
  };
}

/**
 * One cluster's check: `applications.json` (Argo CD) and `flux.json` (Flux), each with the exit
 * code of its `kubectl get` and its stderr. A cluster without Flux's CRDs runs no Flux: no drift.
 */
export function readGitOps(folder: string): { environment: string; drift: GitOpsDrift } {
  const o = outcome(folder);
  if (typeof o['environment'] !== 'string')
    throw new Error(`${join(folder, 'outcome.json')} names no environment`);
  const environment = o['environment'];
  const failures: string[] = [];
  const findings = [];
  let engines = 0;
  for (const [file, engine, detect] of [
    ['applications', 'Argo CD', argoDrift],
    ['flux', 'Flux', fluxDrift],
  ] as const) {
    const stderr = read(join(folder, `${file}.stderr`)).trim();
    if (exitCode(o[`${file}Exit`]) !== 0) {
      if (!isMissingResourceType(stderr))
        failures.push(`${engine}: ${stderr || 'kubectl failed without a message'}`);
      continue;
    }
    engines++;
    try {
      findings.push(...detect(JSON.parse(read(join(folder, `${file}.json`))), `${file}.json`));
    } catch (error) {
      failures.push(`${engine}: ${(error as Error).message}`);
    }
  }
  // A cluster that serves neither engine's objects syncs nothing from git: no verdict.
  if (engines === 0 && failures.length === 0)
    failures.push('neither Argo CD nor Flux serves its objects in this cluster');
  // A cluster read in part is not a verdict of no drift, but what was found is still drift.
  const drift: GitOpsDrift =
    findings.length > 0
      ? { state: 'drift', findings }
      : failures.length > 0
        ? { state: 'failed', error: failures.join('\n') }
        : { state: 'clean', findings: [] };
  return { environment, drift };
}

/**
 * Every environment's drift, from the artifacts drift.yml's check jobs left in `directory`.
 * `expected` are the stacks the plan job asked to check: one whose preview is missing (its job
 * failed before keeping it) is a failed check, so it never passes for "no drift".
 */
export function readDriftArtifacts(
  directory: string,
  environments: readonly string[],
  expected: readonly CheckedStack[],
  runUrl: string,
): EnvironmentDrift[] {
  const folders = existsSync(directory) ? readdirSync(directory).sort() : [];
  const pulumi = folders
    .filter((name) => name.startsWith(PULUMI_DRIFT_PREFIX))
    .map((name) => readPulumi(join(directory, name)));
  const gitops = new Map(
    folders
      .filter((name) => name.startsWith(GITOPS_DRIFT_PREFIX))
      .map((name) => readGitOps(join(directory, name)))
      .map(({ environment, drift }) => [environment, drift]),
  );
  const missing = (environment: string): PulumiDrift[] =>
    expected
      .filter((e) => e.environment === environment)
      .filter(
        (e) => !pulumi.some(({ drift }) => drift.project === e.project && drift.stack === e.stack),
      )
      .map(({ project, stack }) => ({
        project,
        stack,
        state: 'failed',
        changes: [],
        counts: {},
        errors: ['no preview was kept: its check job failed before the preview ran'],
      }));
  return environments.map((environment) => ({
    environment,
    pulumi: [
      ...pulumi.filter((p) => p.environment === environment).map(({ drift }) => drift),
      ...missing(environment),
    ],
    ...(gitops.has(environment) ? { gitops: gitops.get(environment) } : {}),
    runUrl,
  }));
}
