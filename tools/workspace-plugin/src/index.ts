// The workspace's Nx plugin: the targets every app gets from its folder, and the generators
// (`service`, `init`) listed in generators.json.
export { createNodesV2 } from './graph/create-nodes.js';
