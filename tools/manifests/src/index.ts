export { checkFreshness, synth, ValidationFailedError } from './pipeline.js';
export { RenderError } from './render/render-error.js';
export { readManifestTree } from './render/manifest-tree.js';
export { MANIFESTS_DIRECTORY } from './manifest-file.js';
export { openWorkspace } from './workspace.js';
export type { Workspace } from './workspace.js';
export { findWorkspaceRoot } from './workspace-root.js';
