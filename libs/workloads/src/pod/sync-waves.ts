import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * Argo CD's sync wave for what must exist before a migration job runs (wave -1): the Namespace,
 * its deny-all policy, the job's ServiceAccount, policies and configuration. Other engines
 * ignore the annotation.
 */
export const EARLY_WAVE: Readonly<Record<string, string>> = {
  'argocd.argoproj.io/sync-wave': '-2',
};

/** Puts every object under `construct` in the early wave. */
export function inEarlyWave(construct: Construct): void {
  for (const child of construct.node.findAll()) {
    if (ApiObject.isApiObject(child)) {
      for (const [key, value] of Object.entries(EARLY_WAVE))
        child.metadata.addAnnotation(key, value);
    }
  }
}
