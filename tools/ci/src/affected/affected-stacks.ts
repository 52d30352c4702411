import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A Pulumi program in the workspace: its Nx project, its directory and its Pulumi project name. */
export interface PulumiProgram {
  readonly project: string;
  readonly dir: string;
  readonly name: string;
}

/**
 * The order programs are applied in: a later one reads an earlier one's outputs
 * through a StackReference (bootstrap reads the cluster's kubeconfig), which Nx
 * cannot see. Programs not listed come last, by directory.
 */
export const APPLY_ORDER = ['infra/cluster', 'infra/bootstrap'];

/** Every directory under `infra/` with a Pulumi.yaml, in apply order. */
export function pulumiPrograms(root: string): PulumiProgram[] {
  const infra = join(root, 'infra');
  const dirs = existsSync(infra)
    ? readdirSync(infra, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `infra/${e.name}`)
    : [];
  const rank = (dir: string) =>
    APPLY_ORDER.includes(dir) ? APPLY_ORDER.indexOf(dir) : APPLY_ORDER.length;
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'Pulumi.yaml')))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((dir) => ({
      dir,
      project: (
        JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string }
      ).name,
      name: String(
        (parse(readFileSync(join(root, dir, 'Pulumi.yaml'), 'utf8')) as { name?: unknown }).name,
      ),
    }));
}

/** The programs whose Nx project is affected, in apply order. */
export function affectedPrograms(
  root: string,
  affectedProjects: readonly string[] | 'all',
): PulumiProgram[] {
  const programs = pulumiPrograms(root);
  return affectedProjects === 'all'
    ? programs
    : programs.filter((p) => affectedProjects.includes(p.project));
}
