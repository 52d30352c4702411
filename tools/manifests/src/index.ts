export { buildCli, runCli, StaleManifestsError } from './cli.js';
export type { CliIo } from './cli.js';
export {
  checkFreshness,
  renderWorkspace,
  synth,
  toTree,
  validateOnDisk,
  ValidationFailedError,
} from './pipeline.js';
export type { RenderResult, SynthOptions, SynthResult } from './pipeline.js';
export { diffTrees, readManifestTree, writeEnvironments } from './render/manifest-tree.js';
export type { ManifestTree, TreeDifference } from './render/manifest-tree.js';
export {
  MANIFESTS_DIRECTORY,
  renderEnvironment,
  RenderError,
} from './render/render-environment.js';
export type { RenderedFile } from './render/render-environment.js';
export { readSealedSecrets, sealedSecretsDirectory } from './render/sealed-secrets.js';
export { GENERATED_HEADER, serializeObject } from './render/serialize.js';
export { summaryTable } from './summary-table.js';
export { formatProblem } from './validate/problem.js';
export type { KubeObject, ManifestObject, Problem } from './validate/problem.js';
export { validateManifests } from './validate/validate-manifests.js';
export { findWorkspaceRoot } from './workspace-root.js';
