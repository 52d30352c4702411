import type { z } from 'zod';

/**
 * A stack configuration the program refuses: every problem at once, one a line, each starting
 * with the full key (`infra-<project>:<key>`, the name `pulumi config set` takes).
 */
export class StackConfigError extends Error {
  override name = 'StackConfigError';

  constructor(
    readonly stackName: string,
    readonly problems: readonly string[],
  ) {
    super(`stack '${stackName}' has invalid config:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * One line per zod issue, named by the config key it is about (the first step of its path; a
 * list's index is dropped). An issue without a path is about the stack itself (`stack: …`).
 * An unknown key is one line per key, listing the keys the program knows.
 */
export function formatConfigIssues(
  project: string,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: readonly string[],
): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (key) =>
          `${project}:${key}: is not a config key of this program (known: ${knownKeys.join(', ')})`,
      );
    }
    const key = issue.path[0];
    return [`${key === undefined ? 'stack' : `${project}:${String(key)}`}: ${issue.message}`];
  });
}
