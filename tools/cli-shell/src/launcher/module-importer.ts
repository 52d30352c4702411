import { pathToFileURL } from 'node:url';

/**
 * The global key under which the launcher (launch.mjs) publishes its runtime: `Symbol.for` of
 * this string, so the bundle's copy of this module and the launcher agree without sharing code.
 */
export const LAUNCHER_KEY = '@platform/cli-shell/launcher';

/** What the launcher offers the command line it runs. */
export interface LauncherRuntime {
  /**
   * Bundles TypeScript modules of the workspace (absolute paths) against the running bundle, so
   * the workspace libraries they import are the command line's own instances, and imports them.
   */
  readonly importModules: (files: readonly string[]) => Promise<unknown[]>;
}

function launcherRuntime(): LauncherRuntime | undefined {
  return (globalThis as Record<symbol, LauncherRuntime | undefined>)[Symbol.for(LAUNCHER_KEY)];
}

/**
 * Imports a TypeScript module of the workspace (an app's chart) by absolute path: through the
 * launcher when the command line runs bundled (`workspace-cli`), else directly, since then a
 * TypeScript loader (tsx, Vitest) already runs the code.
 */
export async function importWorkspaceModule(file: string): Promise<unknown> {
  const runtime = launcherRuntime();
  if (!runtime) return import(pathToFileURL(file).href);
  const [module] = await runtime.importModules([file]);
  return module;
}
