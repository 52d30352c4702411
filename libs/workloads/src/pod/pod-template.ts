import { ApiObject, Duration, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ResolvedPodProps } from './resolve-pod-props.js';

/** The pod template annotation that carries the configuration's hash: a new value, new pods. */
export const CONFIG_HASH_ANNOTATION = 'checksum/config';
/** The label cdk8s-plus adds to pick pods by construct address; we select by our own stable labels instead. */
const ADDRESS_LABEL = 'cdk8s.io~1metadata.addr';

/** The pod-level security context every workload shares; fsGroup lets the user write its volumes. */
export function podSecurityContext(resolved: ResolvedPodProps): kplus.PodSecurityContextProps {
  return {
    user: resolved.runAsUser,
    group: resolved.runAsUser,
    fsGroup: resolved.runAsUser,
    fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH,
    ensureNonRoot: true,
  };
}

/** The props of every pod-making cdk8s-plus construct, from the resolved props. */
export function podBasics(resolved: ResolvedPodProps, serviceAccount: kplus.IServiceAccount) {
  return {
    serviceAccount,
    automountServiceAccountToken: false,
    isolate: false,
    terminationGracePeriod: Duration.seconds(resolved.terminationGracePeriodSeconds),
    securityContext: podSecurityContext(resolved),
  };
}

/**
 * Completes the rendered pod template: what cdk8s-plus-27 cannot say for Pod Security
 * "restricted" (RuntimeDefault seccomp, drop ALL capabilities: plus-27 has no `ALL` constant),
 * no service links, no address label, and the configuration's hash.
 * @param templatePath where the pod template sits (`/spec/template`, a CronJob's deeper)
 */
export function finishPodTemplate(
  workload: Construct,
  resolved: ResolvedPodProps,
  templatePath = '/spec/template',
): void {
  const object = ApiObject.of(workload);
  object.addJsonPatch(
    JsonPatch.add(`${templatePath}/spec/securityContext/seccompProfile`, {
      type: 'RuntimeDefault',
    }),
    JsonPatch.add(`${templatePath}/spec/containers/0/securityContext/capabilities`, {
      drop: ['ALL'],
    }),
    JsonPatch.add(`${templatePath}/spec/enableServiceLinks`, false),
  );
  const labels = object.toJson() as { spec?: unknown };
  if (podLabelsOf(labels, templatePath)?.[ADDRESS_LABEL.replace('~1', '/')] !== undefined) {
    object.addJsonPatch(JsonPatch.remove(`${templatePath}/metadata/labels/${ADDRESS_LABEL}`));
  }
  if (resolved.config) {
    object.addJsonPatch(
      JsonPatch.add(`${templatePath}/metadata/annotations`, {
        [CONFIG_HASH_ANNOTATION]: resolved.config.from.hash,
      }),
    );
  }
}

function podLabelsOf(json: unknown, templatePath: string): Record<string, unknown> | undefined {
  let node: unknown = json;
  for (const key of [...templatePath.split('/').filter(Boolean), 'metadata', 'labels']) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node as Record<string, unknown> | undefined;
}
