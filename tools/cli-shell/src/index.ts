export { processIo } from './cli-io.js';
export type { CliIo } from './cli-io.js';
export { commandLine, rootOption } from './command-line.js';
export { EXIT, inputErrors, runCommandLine, runMain } from './run-command-line.js';
export type { InputErrorMessage } from './run-command-line.js';
