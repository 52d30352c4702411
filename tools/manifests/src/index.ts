export { checkFreshness, synth } from './pipeline.js';
export { RENDER_INPUT_ERRORS } from './render-input-errors.js';
export { readManifestTree } from './render/manifest-tree.js';
export { MANIFESTS_DIRECTORY } from './manifest-file.js';
export {
  appRenderPaths,
  environmentIndexPaths,
  KUSTOMIZATION_FILE,
} from './render/kustomization-files.js';
export { openWorkspace } from './workspace.js';
export type { Workspace } from './workspace.js';
export { findWorkspaceRoot } from './workspace-root.js';
