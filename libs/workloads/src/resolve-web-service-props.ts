import { MAX_APP_NAME_LENGTH } from '@platform/environments';
import { parseImageReference, type ImageReference } from '@platform/image-ref';
import { platformServiceContract as contract } from '@platform/service-contracts';
import { PropChecker } from './prop-checker.js';
import type { EgressDestination, WebServiceProps } from './web-service-props.js';

/** WebServiceProps with every default applied and every invariant checked. */
export interface ResolvedWebServiceProps {
  readonly name: string;
  readonly namespace: string;
  readonly image: ImageReference;
  readonly imageString: string;
  readonly partOf: string;
  readonly containerPort: number;
  readonly servicePort: number;
  readonly livenessPath: string;
  readonly readinessPath: string;
  readonly runAsUser: number;
  readonly writablePaths: readonly string[];
  readonly writableSizeMebibytes: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly targetCpuUtilizationPercent: number;
  readonly cpuRequestMillis: number;
  readonly cpuLimitMillis: number;
  readonly memoryRequestMebibytes: number;
  readonly memoryLimitMebibytes: number;
  readonly env: Readonly<Record<string, string>>;
  readonly ingressFromNamespaces: readonly string[];
  readonly egress: readonly EgressDestination[];
  readonly maxUnavailable: number;
  readonly terminationGracePeriodSeconds: number;
}

/** The longest name that still leaves room for the `-ingress` / `-egress` suffixes in a 63-character label. */
export const MAX_NAME_LENGTH = MAX_APP_NAME_LENGTH;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Applies the documented defaults (with `??`, so a valid 0 is never replaced) and checks every invariant. */
export function resolveWebServiceProps(props: WebServiceProps): ResolvedWebServiceProps {
  const check = new PropChecker(`WebService '${props.name}'`);
  const fail = check.fail.bind(check);
  const dnsLabel = check.dnsLabel.bind(check);
  const integerIn = check.integerIn.bind(check);
  dnsLabel('name', props.name, MAX_NAME_LENGTH);
  const namespace = props.namespace ?? props.name;
  dnsLabel('namespace', namespace);

  let image: ImageReference;
  try {
    image = parseImageReference(props.image);
  } catch (error) {
    return fail('image', props.image, `is not deployable: ${(error as Error).message}`);
  }

  const partOf = props.partOf ?? props.name;
  check.labelValue('partOf', partOf);

  const environment = props.environment;
  const sizing = environment?.workloads;
  const containerPort = props.containerPort ?? contract.port;
  integerIn('containerPort', containerPort, 1, 65535);
  if (containerPort < 1024) {
    fail(
      'containerPort',
      containerPort,
      'is a privileged port: the container runs as a non-root user with every capability dropped, so it can only listen on 1024 or above',
    );
  }
  const servicePort = props.servicePort ?? 80;
  integerIn('servicePort', servicePort, 1, 65535);

  const livenessPath = props.probes?.liveness ?? contract.livenessPath;
  const readinessPath = props.probes?.readiness ?? contract.readinessPath;
  for (const [prop, path] of [
    ['probes.liveness', livenessPath],
    ['probes.readiness', readinessPath],
  ] as const) {
    if (!path.startsWith('/') || /\s/.test(path))
      fail(prop, path, "must be an absolute HTTP path starting with '/'");
  }

  const runAsUser = props.runAsUser ?? contract.runAsUser;
  integerIn('runAsUser', runAsUser, 1, 2_147_483_647);

  const writablePaths = props.writablePaths ?? contract.writablePaths;
  const seenPaths = new Set<string>();
  writablePaths.forEach((path, index) => {
    if (!path.startsWith('/') || path === '/' || path.includes('..') || path.endsWith('/')) {
      fail(`writablePaths[${index}]`, path, "must be an absolute directory other than '/'");
    }
    if (seenPaths.has(path)) fail(`writablePaths[${index}]`, path, 'is listed twice');
    seenPaths.add(path);
  });
  const writableSizeMebibytes = props.writableSizeMebibytes ?? 64;
  integerIn('writableSizeMebibytes', writableSizeMebibytes, 1, 1_048_576);

  const minReplicas = props.replicas?.min ?? sizing?.replicas.min ?? 2;
  const maxReplicas = props.replicas?.max ?? Math.max(sizing?.replicas.max ?? 4, minReplicas);
  integerIn('replicas.min', minReplicas, 1, 1000);
  integerIn('replicas.max', maxReplicas, 1, 1000);
  if (minReplicas > maxReplicas) {
    fail('replicas.min', minReplicas, `is above replicas.max (${maxReplicas})`);
  }
  const targetCpuUtilizationPercent =
    props.targetCpuUtilizationPercent ?? sizing?.targetCpuUtilizationPercent ?? 70;
  integerIn('targetCpuUtilizationPercent', targetCpuUtilizationPercent, 1, 100);

  // A limit left unset is never below the request, even when the request is the chart's own.
  const cpuRequestMillis =
    props.resources?.cpuRequestMillis ?? sizing?.resources.cpuRequestMillis ?? 100;
  const cpuLimitMillis =
    props.resources?.cpuLimitMillis ??
    Math.max(sizing?.resources.cpuLimitMillis ?? 500, cpuRequestMillis);
  const memoryRequestMebibytes =
    props.resources?.memoryRequestMebibytes ?? sizing?.resources.memoryRequestMebibytes ?? 128;
  const memoryLimitMebibytes =
    props.resources?.memoryLimitMebibytes ??
    Math.max(sizing?.resources.memoryLimitMebibytes ?? 256, memoryRequestMebibytes);
  integerIn('resources.cpuRequestMillis', cpuRequestMillis, 1, 1_000_000);
  integerIn('resources.cpuLimitMillis', cpuLimitMillis, 1, 1_000_000);
  integerIn('resources.memoryRequestMebibytes', memoryRequestMebibytes, 1, 4_194_304);
  integerIn('resources.memoryLimitMebibytes', memoryLimitMebibytes, 1, 4_194_304);
  if (cpuLimitMillis < cpuRequestMillis) {
    fail(
      'resources.cpuLimitMillis',
      cpuLimitMillis,
      `is below resources.cpuRequestMillis (${cpuRequestMillis})`,
    );
  }
  if (memoryLimitMebibytes < memoryRequestMebibytes) {
    fail(
      'resources.memoryLimitMebibytes',
      memoryLimitMebibytes,
      `is below resources.memoryRequestMebibytes (${memoryRequestMebibytes})`,
    );
  }

  const env: Record<string, string> = {
    ...(environment ? { ENVIRONMENT: environment.name, LOG_LEVEL: environment.logLevel } : {}),
    ...props.env,
  };
  for (const key of Object.keys(props.env ?? {})) {
    if (!ENV_NAME.test(key))
      fail(`env.${key}`, env[key], 'has a name that is not a valid environment variable');
    if (key === 'PORT')
      fail('env.PORT', env[key], 'is set from containerPort; set containerPort instead');
  }

  const ingressFromNamespaces = [
    ...new Set([
      ...(environment?.ingressFromNamespaces ?? []),
      ...(props.ingressFromNamespaces ?? []),
    ]),
  ];
  ingressFromNamespaces.forEach((ns, index) => dnsLabel(`ingressFromNamespaces[${index}]`, ns));

  const egress = props.egress ?? [];
  egress.forEach((destination, index) => checkEgress(check, `egress[${index}]`, destination));

  const maxUnavailable = props.maxUnavailable ?? 1;
  integerIn('maxUnavailable', maxUnavailable, 1, 1000);
  if (maxUnavailable > minReplicas) {
    // Not unsafe for the budget, but it lets one drain take every pod down.
    fail(
      'maxUnavailable',
      maxUnavailable,
      `is above replicas.min (${minReplicas}): one disruption could stop the service`,
    );
  }
  const terminationGracePeriodSeconds =
    props.terminationGracePeriodSeconds ?? contract.terminationGracePeriodSeconds;
  integerIn('terminationGracePeriodSeconds', terminationGracePeriodSeconds, 1, 3600);

  return {
    name: props.name,
    namespace,
    image,
    imageString: props.image,
    partOf,
    containerPort,
    servicePort,
    livenessPath,
    readinessPath,
    runAsUser,
    writablePaths,
    writableSizeMebibytes,
    minReplicas,
    maxReplicas,
    targetCpuUtilizationPercent,
    cpuRequestMillis,
    cpuLimitMillis,
    memoryRequestMebibytes,
    memoryLimitMebibytes,
    env,
    ingressFromNamespaces,
    egress,
    maxUnavailable,
    terminationGracePeriodSeconds,
  };
}

/** A destination lists ports, and names a valid namespace (with valid pod labels) or valid CIDRs. */
function checkEgress(check: PropChecker, prop: string, destination: EgressDestination): void {
  if (destination.ports.length === 0)
    check.fail(`${prop}.ports`, [], 'must list at least one port');
  destination.ports.forEach((p, i) =>
    check.integerIn(`${prop}.ports[${i}].port`, p.port, 1, 65535),
  );
  if ('namespace' in destination) {
    check.dnsLabel(`${prop}.namespace`, destination.namespace);
    for (const [key, value] of Object.entries(destination.podLabels ?? {}))
      check.label(`${prop}.podLabels.${key}`, key, value);
  } else {
    check.cidr(`${prop}.cidr`, destination.cidr);
    (destination.except ?? []).forEach((cidr, i) => check.cidr(`${prop}.except[${i}]`, cidr));
  }
}
