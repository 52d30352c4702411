import { ApiObject, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { RESTRICTED_NAMESPACE_LABELS } from '../labels.js';
import type { ResolvedPodProps } from './resolve-pod-props.js';

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

/** The pod template annotation that carries the configuration's hash: a new value, new pods. */
export const CONFIG_HASH_ANNOTATION = 'checksum/config';
/** The label cdk8s-plus adds to pick pods by construct address; we select by our own stable labels instead. */
const ADDRESS_LABEL = 'cdk8s.io~1metadata.addr';

/** What differs between the workloads' containers: ports and probes. */
export interface ContainerShape {
  readonly ports?: readonly kplus.ContainerPort[];
  readonly readiness?: kplus.Probe;
  readonly liveness?: kplus.Probe;
  readonly startup?: kplus.Probe;
  /** Set by the construct (PORT, say), after the user's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra mounts (a StatefulSet's claim), after the writable paths. */
  readonly volumeMounts?: readonly kplus.VolumeMount[];
}

/** The one container of a workload, locked down for Pod Security "restricted". */
export function restrictedContainer(
  scope: Construct,
  resolved: ResolvedPodProps,
  shape: ContainerShape,
): kplus.ContainerProps {
  const volumeMounts: kplus.VolumeMount[] = resolved.writablePaths.map((path, index) => {
    const volumeName = index === 0 && path === '/tmp' ? 'tmp' : `writable-${index}`;
    const volume = kplus.Volume.fromEmptyDir(scope, `volume-${volumeName}`, volumeName, {
      sizeLimit: Size.mebibytes(resolved.writableSizeMebibytes),
    });
    return { path, volume };
  });
  const env: Record<string, kplus.EnvValue> = {};
  for (const [key, value] of Object.entries({ ...resolved.env, ...shape.env })) {
    env[key] = kplus.EnvValue.fromValue(value);
  }
  const envFrom: kplus.EnvFrom[] = [];
  const config = resolved.config;
  if (config) {
    const configMap = kplus.ConfigMap.fromConfigMapName(scope, 'config-ref', config.from.name);
    if (config.mountPath === undefined) {
      envFrom.push(kplus.Env.fromConfigMap(configMap));
    } else {
      volumeMounts.push({
        path: config.mountPath,
        volume: kplus.Volume.fromConfigMap(scope, 'volume-config', configMap, { name: 'config' }),
        readOnly: true,
      });
    }
  }
  resolved.secrets.forEach((reference, index) => {
    const secret = kplus.Secret.fromSecretName(scope, `secret-${index}`, reference.secret);
    if ('key' in reference) {
      env[reference.env] = kplus.EnvValue.fromSecretValue({ secret, key: reference.key });
    } else {
      volumeMounts.push({
        path: reference.mountPath,
        volume: kplus.Volume.fromSecret(scope, `volume-secret-${index}`, secret, {
          name: `secret-${index}`,
          defaultMode: 0o400,
        }),
        readOnly: true,
      });
    }
  });
  return {
    name: resolved.name,
    image: resolved.imageString,
    // References are immutable (a pinned tag or a digest): pulling again is wasted time.
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    ...(resolved.command ? { command: [...resolved.command] } : {}),
    ...(shape.ports ? { ports: [...shape.ports] } : {}),
    envVariables: Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b))),
    ...(envFrom.length > 0 ? { envFrom } : {}),
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
    ...(shape.readiness ? { readiness: shape.readiness } : {}),
    ...(shape.liveness ? { liveness: shape.liveness } : {}),
    ...(shape.startup ? { startup: shape.startup } : {}),
    volumeMounts: [...volumeMounts, ...(shape.volumeMounts ?? [])],
  };
}

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
