export { planAffected } from './affected.js';
export type { AffectedOptions, AffectedPlan } from './affected.js';
export { buildService } from './build-service.js';
export { formatSummary, summarizeTests } from './test-summary.js';
export type { TestSummary } from './test-summary.js';
