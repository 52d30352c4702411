import { appName, sizingFor, type App, type Environment } from '@platform/environments';
import { formatImageReference, type ImageReference } from '@platform/image-ref';
import type { WebServiceProps } from '@platform/workloads';

/**
 * The typed workload of one app in one environment: the app's contract
 * (port, probes, user, writable paths), the environment's sizing with the app's
 * override, and the image the image catalog pins.
 */
export function webServicePropsFor(
  environment: Environment,
  app: App,
  image: ImageReference,
): WebServiceProps {
  const sizing = sizingFor(environment, appName(app));
  const contract = app.contract;
  return {
    name: contract.name,
    image: formatImageReference(image),
    containerPort: contract.port,
    probes: { liveness: contract.livenessPath, readiness: contract.readinessPath },
    runAsUser: contract.runAsUser,
    writablePaths: contract.writablePaths,
    terminationGracePeriodSeconds: contract.terminationGracePeriodSeconds,
    replicas: sizing.replicas,
    targetCpuUtilizationPercent: sizing.targetCpuUtilizationPercent,
    resources: sizing.resources,
    env: { ENVIRONMENT: environment.name, LOG_LEVEL: environment.logLevel },
    ingressFromNamespaces: [
      ...new Set([...environment.ingressFromNamespaces, ...(app.ingressFromNamespaces ?? [])]),
    ],
    egress: app.egress ?? [],
  };
}
