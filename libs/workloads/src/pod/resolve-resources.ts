import type { WorkloadSizing } from '@platform/environments';
import type { PropChecker } from '../prop-checker.js';
import { DEFAULT_SIZING } from './default-sizing.js';
import type { ResourceBudget } from './pod-props.js';

/** Requests and limits with every default applied: the props', else the environment's sizing. */
export type ResolvedResources = WorkloadSizing['resources'];

/**
 * Each field from the props, else the environment's, else the construct's own. A limit left
 * unset is never below the request, even when the request is the chart's own.
 */
export function resourcesOf(
  check: PropChecker,
  budget: ResourceBudget | undefined,
  sizing: WorkloadSizing = DEFAULT_SIZING,
): ResolvedResources {
  const cpuRequestMillis = budget?.cpuRequestMillis ?? sizing.resources.cpuRequestMillis;
  const cpuLimitMillis =
    budget?.cpuLimitMillis ?? Math.max(sizing.resources.cpuLimitMillis, cpuRequestMillis);
  const memoryRequestMebibytes =
    budget?.memoryRequestMebibytes ?? sizing.resources.memoryRequestMebibytes;
  const memoryLimitMebibytes =
    budget?.memoryLimitMebibytes ??
    Math.max(sizing.resources.memoryLimitMebibytes, memoryRequestMebibytes);
  check.integerIn('resources.cpuRequestMillis', cpuRequestMillis, 1, 1_000_000);
  check.integerIn('resources.cpuLimitMillis', cpuLimitMillis, 1, 1_000_000);
  check.integerIn('resources.memoryRequestMebibytes', memoryRequestMebibytes, 1, 4_194_304);
  check.integerIn('resources.memoryLimitMebibytes', memoryLimitMebibytes, 1, 4_194_304);
  if (cpuLimitMillis < cpuRequestMillis) {
    check.fail(
      'resources.cpuLimitMillis',
      cpuLimitMillis,
      `is below resources.cpuRequestMillis (${cpuRequestMillis})`,
    );
  }
  if (memoryLimitMebibytes < memoryRequestMebibytes) {
    check.fail(
      'resources.memoryLimitMebibytes',
      memoryLimitMebibytes,
      `is below resources.memoryRequestMebibytes (${memoryRequestMebibytes})`,
    );
  }
  return { cpuRequestMillis, cpuLimitMillis, memoryRequestMebibytes, memoryLimitMebibytes };
}
