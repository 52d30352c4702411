import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface GitlabCiCheck {
  readonly valid: boolean;
  /** What gitlab-ci-local printed: the expanded pipeline, or each problem with its path. */
  readonly output: string;
}

/**
 * Checks a `.gitlab-ci.yml` against GitLab's own CI schema, the one gitlab-ci-local (pinned in
 * package.json) carries, and gitlab-ci-local's own checks of the pipeline (a job without a
 * script, a `needs` of no job…): `gitlab-ci-local --preview --json-schema-validation`, which
 * expands the file and runs no job (every `rules: changes` taken as true). Offline for a file
 * without remote includes.
 */
export function checkGitlabCi(file: string): GitlabCiCheck {
  const result = gitlabCiLocal(file, ['--preview', '--json-schema-validation'], {});
  return { valid: result.status === 0, output: result.output };
}

/**
 * The pipeline as GitLab reads it: `extends`, anchors and `!reference` resolved, job by job
 * (what `gitlab-ci-local --preview` prints).
 */
export function expandGitlabCi(file: string): Record<string, unknown> {
  const result = gitlabCiLocal(file, ['--preview'], {});
  if (result.status !== 0) throw new Error(`gitlab-ci-local --preview failed:\n${result.output}`);
  return parse(result.stdout) as Record<string, unknown>;
}

/** A job of the pipeline as gitlab-ci-local evaluates its rules for given variables. */
export interface ListedJob {
  readonly name: string;
  readonly stage: string;
  /** `never` when its rules leave it out. */
  readonly when: string;
  readonly allow_failure: boolean;
}

/**
 * The jobs of the pipeline and how each would run for these predefined variables
 * (`CI_PIPELINE_SOURCE`, `CI_COMMIT_BRANCH`…): `gitlab-ci-local --list-json`, which evaluates
 * the jobs' `rules` (not the `workflow: rules`, which gitlab-ci-local does not apply).
 */
export function listGitlabJobs(file: string, variables: Record<string, string>): ListedJob[] {
  const result = gitlabCiLocal(
    file,
    ['--list-json', ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`])],
    // Setting predefined variables is the point here: no warning for them in the JSON output.
    { GCL_IGNORE_PREDEFINED_VARS: Object.keys(variables).join(',') },
  );
  if (result.status !== 0) throw new Error(`gitlab-ci-local --list-json failed:\n${result.output}`);
  return JSON.parse(result.stdout) as ListedJob[];
}

/**
 * Runs gitlab-ci-local on a copy of the file in a fresh directory, so its state directory never
 * lands in the workspace, with its own home, so no user's variables file changes the result.
 */
function gitlabCiLocal(file: string, args: readonly string[], env: Record<string, string>) {
  const cli = createRequire(import.meta.url).resolve('gitlab-ci-local');
  const directory = mkdtempSync(join(tmpdir(), 'gitlab-ci-check-'));
  try {
    copyFileSync(file, join(directory, '.gitlab-ci.yml'));
    const result = spawnSync(
      process.execPath,
      [
        cli,
        ...args,
        // `rules: changes` would ask git about a diff; here every `changes` rule holds.
        '--no-evaluate-rule-changes',
        '--no-color',
        '--home',
        'home',
      ],
      { cwd: directory, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } },
    );
    return {
      status: result.status,
      stdout: result.stdout ?? '',
      output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
