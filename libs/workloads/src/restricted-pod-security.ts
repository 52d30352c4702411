import { ApiObject, JsonPatch } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * Completes what cdk8s-plus-27 cannot express for the Pod Security
 * "restricted" profile: a RuntimeDefault seccomp profile and dropping every
 * capability. plus-27 models neither (it has no `ALL` capability constant),
 * so they are JSON patches on the rendered Deployment.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function applyRestrictedPodSecurity(workload: Construct, containerCount: number): void {
  const object = ApiObject.of(workload);
  object.addJsonPatch(
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
  );
  for (let index = 0; index < containerCount; index++) {
    object.addJsonPatch(
      JsonPatch.add(`/spec/template/spec/containers/${index}/securityContext/capabilities`, {
        drop: ['ALL'],
      }),
    );
  }
}
