import * as pulumi from '@pulumi/pulumi';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A program's Pulumi.yaml, as far as config goes: its name and the defaults of its own keys. */
export interface PulumiProject {
  readonly name: string;
  readonly defaults: Readonly<Record<string, unknown>>;
}

/**
 * Stack values as a stack file types them (strings, numbers, booleans, lists), keys without the
 * namespace. `undefined` leaves the key unset, so its Pulumi.yaml default (if any) applies.
 */
export type StackValues = Readonly<Record<string, unknown>>;

/**
 * Reads Pulumi.yaml in `projectDir`. Keys of other namespaces (`pulumi:…`, `aws:…`) are
 * provider settings, not the program's, and carry no `default:`.
 */
export function readPulumiProject(projectDir: string): PulumiProject {
  const project = parse(readFileSync(join(projectDir, 'Pulumi.yaml'), 'utf8')) as {
    name: string;
    config?: Record<string, unknown>;
  };
  const defaults = Object.entries(project.config ?? {}).flatMap(([key, declaration]) =>
    !key.includes(':') && typeof declaration === 'object' && declaration && 'default' in declaration
      ? [[key, (declaration as { default: unknown }).default] as const]
      : [],
  );
  return { name: project.name, defaults: Object.fromEntries(defaults) };
}

/**
 * The project's values as the CLI hands them to the program: Pulumi.yaml's defaults, then the
 * stack's values on top, each a string (lists and objects as JSON). Keys without the namespace.
 */
export function rawStackConfig(
  project: PulumiProject,
  values: StackValues,
): Record<string, string> {
  const set = Object.entries(values).filter(([, value]) => value !== undefined);
  const merged = { ...project.defaults, ...Object.fromEntries(set) };
  return Object.fromEntries(
    Object.entries(merged).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

/** The same, namespaced `<project>:<key>`: what `pulumi.runtime.allConfig()` returns. */
export function cliConfig(project: PulumiProject, values: StackValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(rawStackConfig(project, values)).map(([key, value]) => [
      `${project.name}:${key}`,
      value,
    ]),
  );
}

/**
 * Makes these the running stack's config, as the CLI would (`secretKeys`: the keys set with
 * `--secret`), replacing whatever an earlier run set.
 */
export function applyStackConfig(
  project: PulumiProject,
  values: StackValues,
  secretKeys: readonly string[] = [],
): void {
  pulumi.runtime.setAllConfig(
    cliConfig(project, values),
    secretKeys.map((key) => `${project.name}:${key}`),
  );
}
