import { platformServiceContract as contract } from '@platform/service-contracts';
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { versionedLabels } from '../labels.js';
import { WorkloadNetworkPolicies } from '../network-policies.js';
import { workloadIdentity } from '../pod/deployment.js';
import { finishPodTemplate, podBasics } from '../pod/pod-template.js';
import { resolvePodProps } from '../pod/resolve-pod-props.js';
import {
  containerPortOf,
  httpProbes,
  maxUnavailableOf,
  probePathsOf,
} from '../pod/resolve-scaling.js';
import { restrictedContainer } from '../pod/restricted-container.js';
import { spreadConstraints, disruptionBudget } from '../pod/scheduling.js';
import { PropChecker } from '../prop-checker.js';
import type { StatefulServiceProps } from './stateful-service-props.js';

const CLAIM = 'data';
const DEFAULT_STORAGE_CLASS = 'gp3';

/** A StatefulSet with a volume per replica; see {@link StatefulServiceProps}. */
export class StatefulService extends Construct {
  readonly statefulSet: kplus.StatefulSet;
  /** The headless Service: the StatefulSet's `serviceName`, and each pod's stable DNS name. */
  readonly service: kplus.Service;

  constructor(scope: Construct, id: string, props: StatefulServiceProps) {
    super(scope, id);
    const check: PropChecker = new PropChecker(`StatefulService '${props.name}'`);
    const resolved = resolvePodProps(check, this, props, ['PORT']);
    const containerPort = containerPortOf(
      check,
      'containerPort',
      props.containerPort ?? contract.port,
    );
    const probes = probePathsOf(check, 'probes', props.probes);
    const replicas = props.replicas ?? 1;
    check.integerIn('replicas', replicas, 1, 1000);
    const maxUnavailable = maxUnavailableOf(check, props.maxUnavailable, replicas, 'replicas');
    const size = props.storage.sizeGibibytes;
    if (!Number.isInteger(size) || size < 1)
      check.fail('storage.sizeGibibytes', size, 'must be a whole number of GiB, at least 1');
    check.integerIn('storage.sizeGibibytes', size, 1, 65_536);
    const storageClassName =
      props.storage.storageClassName ??
      resolved.environment?.storageClassName ??
      DEFAULT_STORAGE_CLASS;
    check.dnsLabel('storage.storageClassName', storageClassName, 253);
    const mountPath = props.storage.mountPath ?? '/data';
    if (
      !mountPath.startsWith('/') ||
      mountPath === '/' ||
      resolved.writablePaths.includes(mountPath)
    ) {
      check.fail(
        'storage.mountPath',
        mountPath,
        "must be an absolute directory other than '/' and the writable paths",
      );
    }
    const ingressFrom = [
      ...new Set([...resolved.monitoringNamespaces, ...(props.ingressFromNamespaces ?? [])]),
    ];
    ingressFrom.forEach((ns, index) => check.dnsLabel(`ingressFromNamespaces[${index}]`, ns));

    const identity = workloadIdentity(this, resolved, 'stateful-service');
    const { labels, metadata, selector, serviceAccount } = identity;

    this.service = new kplus.Service(this, 'service', {
      metadata,
      clusterIP: 'None',
      ports: [{ name: 'http', port: containerPort, targetPort: containerPort }],
    });
    for (const [key, value] of Object.entries(selector)) this.service.selectLabel(key, value);

    const podLabels = versionedLabels(resolved, 'stateful-service');
    this.statefulSet = new kplus.StatefulSet(this, 'stateful-set', {
      ...podBasics(resolved, serviceAccount),
      metadata: { ...metadata, labels: podLabels },
      podMetadata: { labels: podLabels },
      select: false,
      service: this.service,
      replicas,
      // One at a time, in order, waiting for each to be ready: what clustered stores expect.
      podManagementPolicy: kplus.PodManagementPolicy.ORDERED_READY,
      strategy: kplus.StatefulSetUpdateStrategy.rollingUpdate(),
      containers: [
        restrictedContainer(this, resolved, {
          ports: [{ name: 'http', number: containerPort }],
          env: { PORT: String(containerPort) },
          ...httpProbes(containerPort, probes),
        }),
      ],
    });
    this.statefulSet.select(kplus.LabelSelector.of({ labels: selector }));
    // plus-27 makes the governing Service select by construct address too: ours are stable labels.
    ApiObject.of(this.service).addJsonPatch(
      JsonPatch.remove('/spec/externalIPs'),
      JsonPatch.remove('/spec/selector/cdk8s.io~1metadata.addr'),
    );
    finishPodTemplate(this.statefulSet, resolved);
    const retain = props.retainVolumesOnDelete ?? true;
    ApiObject.of(this.statefulSet).addJsonPatch(
      JsonPatch.add('/spec/template/spec/topologySpreadConstraints', spreadConstraints(selector)),
      JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', { name: CLAIM, mountPath }),
      JsonPatch.add('/spec/volumeClaimTemplates', [
        {
          metadata: { name: CLAIM, labels: selector },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName,
            // Through the L1 class: plus-27 re-serializes patched quantities as Quantity objects.
            resources: { requests: { storage: kplus.k8s.Quantity.fromString(`${size}Gi`) } },
          },
        },
      ]),
      JsonPatch.add('/spec/persistentVolumeClaimRetentionPolicy', {
        whenDeleted: retain ? 'Retain' : 'Delete',
        whenScaled: 'Retain',
      }),
    );
    disruptionBudget(this, metadata, selector, maxUnavailable);
    new WorkloadNetworkPolicies(this, 'network-policies', {
      name: resolved.name,
      namespace: resolved.namespace,
      labels,
      podSelector: selector,
      ingress: [{ fromNamespaces: ingressFrom, port: containerPort }],
      egress: resolved.egress,
    });
  }
}
