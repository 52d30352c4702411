import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  RESTRICTED_NAMESPACE_LABELS,
  selectorLabels,
  standardLabels,
  versionedLabels,
} from './labels.js';
import { WebServiceNetworkPolicies } from './network-policies.js';
import {
  resolveWebServiceProps,
  type ResolvedWebServiceProps,
} from './resolve-web-service-props.js';
import { AppChart } from './app-chart.js';
import { applyRestrictedPodSecurity } from './restricted-pod-security.js';
import type { WebServiceProps } from './web-service-props.js';

/** The label cdk8s-plus adds to pick pods by construct address; we select by our own stable labels instead. */
const CDK8S_ADDRESS_LABEL_PATH = '/spec/template/metadata/labels/cdk8s.io~1metadata.addr';

/**
 * An HTTP service with secure defaults; see {@link WebServiceProps}.
 * Every object gets an explicit name, so renaming a construct never renames
 * (and so recreates) a live object.
 */
export class WebService extends Construct {
  /** The props after defaults, for charts and tests that need the resolved values. */
  readonly resolved: ResolvedWebServiceProps;
  readonly deployment: kplus.Deployment;
  readonly service: kplus.Service;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id);
    const environment = props.environment ?? AppChart.enclosing(this)?.environment;
    const resolved = resolveWebServiceProps(environment ? { ...props, environment } : props);
    this.resolved = resolved;
    const labels = standardLabels(resolved);
    const selector = selectorLabels(resolved);
    const metadata = { name: resolved.name, namespace: resolved.namespace, labels };

    const namespace = new kplus.Namespace(this, 'namespace', {
      metadata: { name: resolved.namespace, labels: { ...labels, ...RESTRICTED_NAMESPACE_LABELS } },
    });
    // A Namespace is cluster-scoped: it must not carry a namespace of its own.
    ApiObject.of(namespace).addJsonPatch(JsonPatch.remove('/spec'));

    const serviceAccount = new kplus.ServiceAccount(this, 'service-account', {
      metadata,
      automountToken: false,
    });

    const podLabels = versionedLabels(resolved);
    this.deployment = new kplus.Deployment(this, 'deployment', {
      metadata: { ...metadata, labels: podLabels },
      podMetadata: { labels: podLabels },
      select: false,
      serviceAccount,
      automountServiceAccountToken: false,
      isolate: false,
      terminationGracePeriod: Duration.seconds(resolved.terminationGracePeriodSeconds),
      strategy: kplus.DeploymentStrategy.rollingUpdate({
        maxSurge: kplus.PercentOrAbsolute.percent(25),
        maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
      }),
      securityContext: {
        user: resolved.runAsUser,
        group: resolved.runAsUser,
        fsGroup: resolved.runAsUser,
        fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH,
        ensureNonRoot: true,
      },
      containers: [this.container(resolved)],
    });
    this.deployment.select(kplus.LabelSelector.of({ labels: selector }));
    const deploymentObject = ApiObject.of(this.deployment);
    deploymentObject.addJsonPatch(JsonPatch.remove(CDK8S_ADDRESS_LABEL_PATH));
    deploymentObject.addJsonPatch(JsonPatch.add('/spec/template/spec/enableServiceLinks', false));
    deploymentObject.addJsonPatch(
      JsonPatch.add('/spec/template/spec/topologySpreadConstraints', spreadConstraints(selector)),
    );
    applyRestrictedPodSecurity(this.deployment, 1);

    this.service = new kplus.Service(this, 'service', {
      metadata,
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: 'http', port: resolved.servicePort, targetPort: resolved.containerPort }],
    });
    for (const [key, value] of Object.entries(selector)) this.service.selectLabel(key, value);
    ApiObject.of(this.service).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));

    new kplus.HorizontalPodAutoscaler(this, 'autoscaler', {
      metadata,
      target: this.deployment,
      minReplicas: resolved.minReplicas,
      maxReplicas: resolved.maxReplicas,
      metrics: [
        kplus.Metric.resourceCpu(
          kplus.MetricTarget.averageUtilization(resolved.targetCpuUtilizationPercent),
        ),
      ],
    });

    new kplus.k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
      metadata,
      spec: {
        maxUnavailable: kplus.k8s.IntOrString.fromNumber(resolved.maxUnavailable),
        selector: { matchLabels: selector },
        // Pods that never became ready can always be evicted, so they cannot block a node drain.
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });

    new WebServiceNetworkPolicies(this, 'network-policies', resolved, labels, selector);
  }

  private container(resolved: ResolvedWebServiceProps): kplus.ContainerProps {
    const port = resolved.containerPort;
    const volumeMounts = resolved.writablePaths.map((path, index) => {
      const volumeName = index === 0 && path === '/tmp' ? 'tmp' : `writable-${index}`;
      const volume = kplus.Volume.fromEmptyDir(this, `volume-${volumeName}`, volumeName, {
        sizeLimit: Size.mebibytes(resolved.writableSizeMebibytes),
      });
      return { path, volume };
    });
    const env = Object.fromEntries(
      Object.entries({ ...resolved.env, PORT: String(port) })
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => [key, kplus.EnvValue.fromValue(value)]),
    );
    return {
      name: resolved.name,
      image: resolved.imageString,
      // References are immutable (a pinned tag or a digest): pulling again is wasted time.
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      ports: [{ name: 'http', number: port }],
      envVariables: env,
      securityContext: {
        user: resolved.runAsUser,
        group: resolved.runAsUser,
        ensureNonRoot: true,
        privileged: false,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
      },
      resources: {
        cpu: {
          request: kplus.Cpu.millis(resolved.cpuRequestMillis),
          limit: kplus.Cpu.millis(resolved.cpuLimitMillis),
        },
        memory: {
          request: Size.mebibytes(resolved.memoryRequestMebibytes),
          limit: Size.mebibytes(resolved.memoryLimitMebibytes),
        },
      },
      readiness: kplus.Probe.fromHttpGet(resolved.readinessPath, {
        port,
        periodSeconds: Duration.seconds(5),
        failureThreshold: 2,
        timeoutSeconds: Duration.seconds(2),
      }),
      liveness: kplus.Probe.fromHttpGet(resolved.livenessPath, {
        port,
        periodSeconds: Duration.seconds(10),
        failureThreshold: 3,
        timeoutSeconds: Duration.seconds(2),
      }),
      // Liveness only starts once the app has answered once: up to 60 s to boot.
      startup: kplus.Probe.fromHttpGet(resolved.livenessPath, {
        port,
        periodSeconds: Duration.seconds(2),
        failureThreshold: 30,
        timeoutSeconds: Duration.seconds(2),
      }),
      volumeMounts,
    };
  }
}

/** Spread replicas across zones first, then nodes; `ScheduleAnyway` so a lost zone never blocks scheduling. */
function spreadConstraints(selector: Record<string, string>) {
  return ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: selector },
    // Count only pods of the same rollout, so a rolling update is not skewed by old pods.
    matchLabelKeys: ['pod-template-hash'],
  }));
}
