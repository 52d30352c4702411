import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly run?: string;
}

/** The `run:` script of one step of a workflow's job, found by its id or name. */
export function stepScript(workflow: string, job: string, step: string): string {
  const parsed = parse(
    readFileSync(join(WORKSPACE_ROOT, '.github/workflows', workflow), 'utf8'),
  ) as { jobs: Record<string, { steps: Step[] }> };
  const found = parsed.jobs[job]?.steps.find((s) => s.id === step || s.name === step);
  if (!found?.run) throw new Error(`${workflow}: job ${job} has no run step '${step}'`);
  return found.run;
}

export interface StepRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What the step wrote to $GITHUB_OUTPUT, as key=value lines. */
  readonly outputs: Record<string, string>;
  readonly directory: string;
}

/**
 * Runs a step's script as GitHub does (`bash -e`), in a fresh directory that links the
 * workspace's `tools/`, with `fakes` (name → shell script) first on PATH in place of the CLIs
 * the step calls (aws, gh, pulumi, npx).
 */
export function runStep(
  script: string,
  env: Record<string, string>,
  fakes: Record<string, string>,
): StepRun {
  const directory = mkdtempSync(join(tmpdir(), 'workflow-step-'));
  const bin = mkdtempSync(join(tmpdir(), 'workflow-fakes-'));
  symlinkSync(join(WORKSPACE_ROOT, 'tools'), join(directory, 'tools'));
  for (const [name, body] of Object.entries(fakes)) {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const outputFile = join(directory, 'github-output');
  writeFileSync(outputFile, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', script], {
    cwd: directory,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      PATH: `${bin}:${process.env['PATH'] ?? ''}`,
      GITHUB_OUTPUT: outputFile,
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs,
    directory,
  };
}
