import { parseImageReference } from '@platform/image-ref';
import { podTemplateOf } from './pod-template.js';
import { problemFor, type ManifestObject, type Problem } from './problem.js';

/** Kinds whose pods run until stopped: they need probes. A Job's or CronJob's pod ends. */
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

/**
 * The workspace's own rules for every pod template, beyond the Pod Security
 * profile: immutable image references, resources, probes, a read-only root.
 */
export function checkWorkloadRules(manifest: ManifestObject): Problem[] {
  const template = podTemplateOf(manifest.object);
  if (!template) return [];
  const report = problemFor(manifest, 'workspace');
  const problems: Problem[] = [];
  const fail = (message: string, fix: string) => problems.push(report(message, fix));

  for (const field of ['initContainers', 'containers'] as const) {
    for (const container of template.spec[field] ?? []) {
      const where = `${field === 'containers' ? 'container' : 'init container'} '${String(container.name)}'`;
      try {
        parseImageReference(String(container.image ?? ''));
      } catch (error) {
        fail(
          `${where}: ${(error as Error).message}`,
          'pin the image by tag or digest through `npm run release -- bump`',
        );
      }
      for (const kind of ['requests', 'limits'] as const) {
        for (const resource of ['cpu', 'memory']) {
          if (container.resources?.[kind]?.[resource] === undefined) {
            fail(
              `${where} has no ${resource} ${kind.slice(0, -1)}`,
              `set resources.${kind}.${resource}`,
            );
          }
        }
      }
      if (container.securityContext?.readOnlyRootFilesystem !== true) {
        fail(
          `${where} has a writable root filesystem`,
          'set readOnlyRootFilesystem: true and mount an emptyDir where it writes',
        );
      }
      if (field === 'containers' && LONG_RUNNING.has(String(manifest.object.kind))) {
        if (!container.readinessProbe)
          fail(`${where} has no readinessProbe`, 'probe the service readiness endpoint');
        if (!container.livenessProbe)
          fail(`${where} has no livenessProbe`, 'probe the service liveness endpoint');
      }
    }
  }
  if ((template.spec.containers ?? []).length === 0)
    fail('the pod template has no containers', 'declare the service container');
  return problems;
}
