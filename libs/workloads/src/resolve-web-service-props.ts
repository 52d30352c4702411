import { parseImageReference, type ImageReference } from '@platform/image-ref';
import { InvalidPropError } from './invalid-prop-error.js';
import type { EgressDestination, NetworkPort, WebServiceProps } from './web-service-props.js';

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
export const MAX_NAME_LENGTH = 56;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(12[0-8]|1[01]\d|\d?\d)$/;

/** Applies the documented defaults (with `??`, so a valid 0 is never replaced) and checks every invariant. */
export function resolveWebServiceProps(props: WebServiceProps): ResolvedWebServiceProps {
  const construct = `WebService '${props.name}'`;
  const fail = (prop: string, value: unknown, reason: string): never => {
    throw new InvalidPropError(construct, prop, value, reason);
  };
  const dnsLabel = (prop: string, value: string, max = 63) => {
    if (value.length > max || !DNS_LABEL.test(value)) {
      fail(
        prop,
        value,
        `is not a DNS-1123 label of at most ${max} characters (lowercase letters, digits, '-')`,
      );
    }
  };
  const integerIn = (prop: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      fail(prop, value, `must be an integer from ${min} to ${max}`);
    }
  };
  const port = (prop: string, value: NetworkPort) =>
    integerIn(`${prop}.port`, value.port, 1, 65535);

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
  if (!LABEL_VALUE.test(partOf) || partOf.length > 63)
    fail('partOf', partOf, 'is not a valid label value');

  const containerPort = props.containerPort ?? 8080;
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

  const livenessPath = props.probes?.liveness ?? '/healthz';
  const readinessPath = props.probes?.readiness ?? '/readyz';
  for (const [prop, path] of [
    ['probes.liveness', livenessPath],
    ['probes.readiness', readinessPath],
  ] as const) {
    if (!path.startsWith('/') || /\s/.test(path))
      fail(prop, path, "must be an absolute HTTP path starting with '/'");
  }

  const runAsUser = props.runAsUser ?? 10001;
  integerIn('runAsUser', runAsUser, 1, 2_147_483_647);

  const writablePaths = props.writablePaths ?? ['/tmp'];
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

  const minReplicas = props.replicas?.min ?? 2;
  const maxReplicas = props.replicas?.max ?? Math.max(4, minReplicas);
  integerIn('replicas.min', minReplicas, 1, 1000);
  integerIn('replicas.max', maxReplicas, 1, 1000);
  if (minReplicas > maxReplicas) {
    fail('replicas.min', minReplicas, `is above replicas.max (${maxReplicas})`);
  }
  const targetCpuUtilizationPercent = props.targetCpuUtilizationPercent ?? 70;
  integerIn('targetCpuUtilizationPercent', targetCpuUtilizationPercent, 1, 100);

  const cpuRequestMillis = props.resources?.cpuRequestMillis ?? 100;
  const cpuLimitMillis = props.resources?.cpuLimitMillis ?? Math.max(500, cpuRequestMillis);
  const memoryRequestMebibytes = props.resources?.memoryRequestMebibytes ?? 128;
  const memoryLimitMebibytes =
    props.resources?.memoryLimitMebibytes ?? Math.max(256, memoryRequestMebibytes);
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

  const env = props.env ?? {};
  for (const key of Object.keys(env)) {
    if (!ENV_NAME.test(key))
      fail(`env.${key}`, env[key], 'has a name that is not a valid environment variable');
    if (key === 'PORT')
      fail('env.PORT', env[key], 'is set from containerPort; set containerPort instead');
  }

  const ingressFromNamespaces = props.ingressFromNamespaces ?? [];
  ingressFromNamespaces.forEach((ns, index) => dnsLabel(`ingressFromNamespaces[${index}]`, ns));

  const egress = props.egress ?? [];
  egress.forEach((destination, index) => {
    const prop = `egress[${index}]`;
    if (destination.ports.length === 0) fail(`${prop}.ports`, [], 'must list at least one port');
    destination.ports.forEach((p, i) => port(`${prop}.ports[${i}]`, p));
    if ('namespace' in destination) {
      dnsLabel(`${prop}.namespace`, destination.namespace);
      for (const [key, value] of Object.entries(destination.podLabels ?? {})) {
        if (!LABEL_KEY.test(key) || !LABEL_VALUE.test(value)) {
          fail(`${prop}.podLabels.${key}`, value, 'is not a valid label');
        }
      }
    } else {
      for (const [i, cidr] of [destination.cidr, ...(destination.except ?? [])].entries()) {
        if (!IPV4_CIDR.test(cidr) && !IPV6_CIDR.test(cidr)) {
          fail(
            i === 0 ? `${prop}.cidr` : `${prop}.except[${i - 1}]`,
            cidr,
            'is not an IPv4 or IPv6 CIDR',
          );
        }
      }
    }
  });

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
  const terminationGracePeriodSeconds = props.terminationGracePeriodSeconds ?? 30;
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
