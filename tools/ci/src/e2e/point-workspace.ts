import type { WorkspaceRepository } from '@platform/environments';

/** Where the workspace's repository is declared, from the workspace root. */
export const REPOSITORY_FILE = 'libs/environments/src/repository.ts';

// The two fields of the `workspaceRepository` literal, as prettier writes them (indented by two).
const FIELDS = {
  url: /^( {2}url: ')([^'\n]*)(',)$/gm,
  revision: /^( {2}revision: ')([^'\n]*)(',)$/gm,
} as const;

// What may sit between the quotes unescaped: no quote, backslash, newline or template syntax.
const SAFE = /^[A-Za-z0-9@:/._~+-]+$/;

/**
 * `text` (libs/environments/src/repository.ts) with the workspace's repository URL and
 * revision replaced, nothing else touched. The e2e points a throwaway branch at itself this
 * way: the rendered `_platform/` and infra/bootstrap both read this one declaration. Throws,
 * naming the field, when a value could not sit in a single-quoted literal or the file does
 * not declare each field exactly once.
 */
export function pointWorkspace(text: string, repository: WorkspaceRepository): string {
  let next = text;
  for (const field of ['url', 'revision'] as const) {
    const value = repository[field];
    if (!SAFE.test(value)) {
      throw new Error(`--${field} '${value}' is not a plain URL or git ref`);
    }
    const found = [...next.matchAll(FIELDS[field])].length;
    if (found !== 1) {
      throw new Error(
        `${REPOSITORY_FILE} declares ${found} \`${field}: '…',\` lines, not exactly one`,
      );
    }
    next = next.replace(FIELDS[field], (_line, open: string, _old: string, close: string) =>
      [open, value, close].join(''),
    );
  }
  return next;
}
