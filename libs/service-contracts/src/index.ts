export { demoServiceContract } from './demo-service.js';
export { defineServiceContract } from './service-contract.js';
export type { ServiceContract } from './service-contract.js';
