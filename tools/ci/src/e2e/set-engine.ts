import { GITOPS_ENGINES, type GitOpsEngine } from '@platform/environments';

/** Where the workspace's environments are declared, from the workspace root. */
export const ENVIRONMENTS_FILE = 'libs/environments/src/environments.ts';

/**
 * `text` (libs/environments/src/environments.ts) with one environment's `engine` set: the line
 * after its `name: '<environment>',` (as prettier writes an entry, indented by four), replacing
 * an `engine:` line already there. The e2e's Flux job switches staging this way, the one field
 * a team changes to switch. Throws, naming the value, for an unknown engine, or when the file
 * does not declare the environment exactly once.
 */
export function setEngine(text: string, environment: string, engine: string): string {
  if (!(GITOPS_ENGINES as readonly string[]).includes(engine)) {
    throw new Error(`--engine '${engine}' is not one of ${GITOPS_ENGINES.join(', ')}`);
  }
  if (!/^[a-z0-9-]+$/.test(environment)) {
    throw new Error(`--env '${environment}' is not an environment name`);
  }
  const entry = new RegExp(`^( {4}name: '${environment}',\\n)(?: {4}engine: '[a-z]+',\\n)?`, 'gm');
  const found = [...text.matchAll(entry)].length;
  if (found !== 1) {
    throw new Error(
      `${ENVIRONMENTS_FILE} declares ${found} environments named '${environment}', not exactly one`,
    );
  }
  return text.replace(
    entry,
    (_match, name: string) => `${name}    engine: '${engine as GitOpsEngine}',\n`,
  );
}
