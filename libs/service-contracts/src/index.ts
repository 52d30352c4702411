export { platformServiceContract } from './platform-contract.js';
export { defineServiceContract } from './service-contract.js';
export type { ServiceContract } from './service-contract.js';
