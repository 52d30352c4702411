import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';

/**
 * A namespace for a platform controller. Pod Security `baseline` is enforced (the charts' pods
 * pass it; redis-ha is not proven to pass `restricted`), and `restricted` is audited and warned
 * about, so a chart bump that drifts further shows up in `kubectl` warnings and audit logs.
 */
export function controllerNamespace(
  resourceName: string,
  name: string,
  opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Namespace {
  return new k8s.core.v1.Namespace(
    resourceName,
    {
      metadata: {
        name,
        labels: {
          'app.kubernetes.io/managed-by': 'pulumi',
          'pod-security.kubernetes.io/enforce': 'baseline',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
      },
    },
    opts,
  );
}
