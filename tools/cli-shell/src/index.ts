export type { CliIo } from './cli-io.js';
export { commandLine, rootOption } from './command-line.js';
export { inputErrors, runCommandLine, runMain } from './run-command-line.js';
export { importWorkspaceModule, LAUNCHER_KEY } from './launcher/module-importer.js';
