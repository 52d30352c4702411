import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { RESTRICTED_NAMESPACE_LABELS } from '../labels.js';
import { EARLY_WAVE } from './sync-waves.js';

/**
 * The app's Namespace (Pod Security "restricted" enforced) and its deny-all NetworkPolicy, once
 * per chart however many workloads share it.
 */
export function ensureNamespace(scope: Construct, namespace: string, partOf: string): void {
  const chart = Chart.of(scope);
  const id = `namespace-${namespace}`;
  if (chart.node.tryFindChild(id)) return;
  const labels = {
    'app.kubernetes.io/name': namespace,
    'app.kubernetes.io/part-of': partOf,
    'app.kubernetes.io/managed-by': 'cdk8s',
  };
  const created = new kplus.Namespace(chart, id, {
    metadata: {
      name: namespace,
      labels: { ...labels, ...RESTRICTED_NAMESPACE_LABELS },
      annotations: { ...EARLY_WAVE },
    },
  });
  // A Namespace is cluster-scoped: it must not carry a namespace of its own.
  ApiObject.of(created).addJsonPatch(JsonPatch.remove('/spec'));
  new kplus.k8s.KubeNetworkPolicy(chart, `${id}-default-deny`, {
    metadata: { name: 'default-deny-all', namespace, labels, annotations: { ...EARLY_WAVE } },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
}
