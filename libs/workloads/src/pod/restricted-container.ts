import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ResolvedPodProps } from './resolve-pod-props.js';

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
