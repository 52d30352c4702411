import type { PodTemplateView } from './pod-template.js';

/** The ConfigMaps and Secrets a pod template reads, as environment or volumes. */
export function podReferences(template: PodTemplateView): {
  configMaps: Set<string>;
  secrets: Set<string>;
} {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  type EnvSource = { configMapRef?: { name?: unknown }; secretRef?: { name?: unknown } };
  type EnvVar = {
    valueFrom?: { configMapKeyRef?: { name?: unknown }; secretKeyRef?: { name?: unknown } };
  };
  for (const container of [
    ...(template.spec.containers ?? []),
    ...(template.spec.initContainers ?? []),
  ]) {
    const c = container as { envFrom?: EnvSource[]; env?: EnvVar[] };
    for (const source of c.envFrom ?? []) {
      if (source.configMapRef?.name) configMaps.add(String(source.configMapRef.name));
      if (source.secretRef?.name) secrets.add(String(source.secretRef.name));
    }
    for (const variable of c.env ?? []) {
      if (variable.valueFrom?.configMapKeyRef?.name)
        configMaps.add(String(variable.valueFrom.configMapKeyRef.name));
      if (variable.valueFrom?.secretKeyRef?.name)
        secrets.add(String(variable.valueFrom.secretKeyRef.name));
    }
  }
  for (const volume of template.spec.volumes ?? []) {
    const v = volume as { configMap?: { name?: unknown }; secret?: { secretName?: unknown } };
    if (v.configMap?.name) configMaps.add(String(v.configMap.name));
    if (v.secret?.secretName) secrets.add(String(v.secret.secretName));
  }
  return { configMaps, secrets };
}
