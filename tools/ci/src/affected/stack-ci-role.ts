import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The CI roles a workflow job assumes: `pulumi up` (deploy) or the read-only preview. */
export const CI_ROLE_KINDS = ['deploy', 'preview'] as const;
export type CiRoleKind = (typeof CI_ROLE_KINDS)[number];

/** What names an infra/cluster stack's CI roles, read from its stack file and Pulumi.yaml. */
export interface StackCiAccount {
  /** The file it was read from, for errors. */
  readonly file: string;
  readonly accountId: string;
  readonly region: string;
  readonly platformName: string;
  readonly ciProvider: string;
  /** The GitHub environments whose jobs the deploy role trusts (`githubEnvironments`). */
  readonly githubEnvironments: readonly string[];
}

interface PulumiProjectFile {
  readonly name?: unknown;
  readonly config?: Record<string, { readonly default?: unknown } | undefined>;
}

/**
 * Reads `<programDir>/Pulumi.<stack>.yaml` as infra/cluster's config parsing does: each key is
 * `<project>:<key>`, a key the stack file leaves out takes its Pulumi.yaml default. Refuses,
 * naming the file, a stack without a file, an accountId or a region.
 */
export function readStackCiAccount(programDir: string, stack: string): StackCiAccount {
  const projectFile = join(programDir, 'Pulumi.yaml');
  const file = join(programDir, `Pulumi.${stack}.yaml`);
  const project = parse(readFileSync(projectFile, 'utf8')) as PulumiProjectFile;
  if (!existsSync(file)) {
    throw new Error(
      `${file} does not exist: stack '${stack}' has no stack file, so CI cannot name its roles (create the stack first)`,
    );
  }
  const config = ((parse(readFileSync(file, 'utf8')) as { config?: unknown } | null)?.config ??
    {}) as Record<string, unknown>;
  const name = String(project.name);
  const value = (key: string): unknown =>
    config[`${name}:${key}`] ?? project.config?.[key]?.default;
  const accountId = value('accountId');
  if (accountId === undefined || accountId === '') {
    throw new Error(`${file} sets no ${name}:accountId: CI cannot name stack '${stack}''s roles`);
  }
  if (!/^\d{12}$/.test(String(accountId))) {
    throw new Error(
      `${file}: ${name}:accountId '${String(accountId)}' is not a 12-digit account id`,
    );
  }
  const region = value('region');
  if (typeof region !== 'string' || region === '') {
    throw new Error(`${file} sets no ${name}:region: CI cannot reach stack '${stack}'`);
  }
  const environments = value('githubEnvironments');
  return {
    file,
    accountId: String(accountId),
    region,
    platformName: String(value('platformName')),
    ciProvider: String(value('ciProvider')),
    githubEnvironments: Array.isArray(environments) ? environments.map(String) : [],
  };
}

/** The partition of a region, as infra/cluster derives it (China, GovCloud, else `aws`). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The ARN of a stack's CI role, named as infra/cluster names it (ci-access.ts): resources are
 * `<platformName>-<stack>-…`, the CI roles `<platformName>-<stack>-<ciProvider>-<kind>`, no path.
 */
export function ciRoleArn(account: StackCiAccount, stack: string, kind: CiRoleKind): string {
  const role = `${account.platformName}-${stack}-${account.ciProvider}-${kind}`;
  return `arn:${partitionOf(account.region)}:iam::${account.accountId}:role/${role}`;
}
