import { MAX_APP_NAME_LENGTH, type Environment } from '@platform/environments';
import { parseImageReference, type ImageReference } from '@platform/image-ref';
import { platformServiceContract as contract } from '@platform/service-contracts';
import type { Construct } from 'constructs';
import { AppChart, type AppSecret } from '../app-chart.js';
import type { PropChecker } from '../prop-checker.js';
import type { EgressDestination } from '../web-service-props.js';
import type { ConfigUse, PodProps, SecretReference } from './pod-props.js';

/** PodProps with every default applied and every invariant checked. */
export interface ResolvedPodProps {
  readonly name: string;
  readonly namespace: string;
  readonly image: ImageReference;
  readonly imageString: string;
  readonly partOf: string;
  readonly environment: Environment | undefined;
  readonly command: readonly string[] | undefined;
  readonly runAsUser: number;
  readonly writablePaths: readonly string[];
  readonly writableSizeMebibytes: number;
  readonly cpuRequestMillis: number;
  readonly cpuLimitMillis: number;
  readonly memoryRequestMebibytes: number;
  readonly memoryLimitMebibytes: number;
  readonly env: Readonly<Record<string, string>>;
  readonly config: ConfigUse | undefined;
  readonly secrets: readonly SecretReference[];
  readonly egress: readonly EgressDestination[];
  readonly terminationGracePeriodSeconds: number;
  /** The namespaces whose pods may scrape metrics (the environment's). */
  readonly monitoringNamespaces: readonly string[];
}

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Applies the documented defaults (with `??`, so a valid 0 is never replaced) and checks
 * every invariant of the pod, failing with the construct, the prop and the value.
 */
export function resolvePodProps(
  check: PropChecker,
  scope: Construct,
  props: PodProps,
  reservedEnv: readonly string[] = [],
): ResolvedPodProps {
  const fail = check.fail.bind(check);
  const integerIn = check.integerIn.bind(check);
  const chart = AppChart.enclosing(scope);
  const environment = props.environment ?? chart?.environment;
  check.dnsLabel('name', props.name, MAX_APP_NAME_LENGTH);
  const namespace = props.namespace ?? chart?.app ?? props.name;
  check.dnsLabel('namespace', namespace);

  let image: ImageReference;
  try {
    image = parseImageReference(props.image);
  } catch (error) {
    return fail('image', props.image, `is not deployable: ${(error as Error).message}`);
  }
  const partOf = props.partOf ?? chart?.app ?? props.name;
  check.labelValue('partOf', partOf);
  if (props.command?.length === 0)
    fail('command', [], 'must not be empty (omit it for the image default)');

  const runAsUser = props.runAsUser ?? contract.runAsUser;
  integerIn('runAsUser', runAsUser, 1, 2_147_483_647);
  const writablePaths = props.writablePaths ?? contract.writablePaths;
  const seenPaths = new Set<string>();
  writablePaths.forEach((path, index) => {
    if (!isDirectory(path)) {
      fail(`writablePaths[${index}]`, path, "must be an absolute directory other than '/'");
    }
    if (seenPaths.has(path)) fail(`writablePaths[${index}]`, path, 'is listed twice');
    seenPaths.add(path);
  });
  const writableSizeMebibytes = props.writableSizeMebibytes ?? 64;
  integerIn('writableSizeMebibytes', writableSizeMebibytes, 1, 1_048_576);

  // A limit left unset is never below the request, even when the request is the chart's own.
  const sizing = environment?.workloads.resources;
  const cpuRequestMillis = props.resources?.cpuRequestMillis ?? sizing?.cpuRequestMillis ?? 100;
  const cpuLimitMillis =
    props.resources?.cpuLimitMillis ?? Math.max(sizing?.cpuLimitMillis ?? 500, cpuRequestMillis);
  const memoryRequestMebibytes =
    props.resources?.memoryRequestMebibytes ?? sizing?.memoryRequestMebibytes ?? 128;
  const memoryLimitMebibytes =
    props.resources?.memoryLimitMebibytes ??
    Math.max(sizing?.memoryLimitMebibytes ?? 256, memoryRequestMebibytes);
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
    if (reservedEnv.includes(key))
      fail(`env.${key}`, env[key], 'is set by the construct; set its prop instead');
  }

  if (props.config?.mountPath !== undefined && !isDirectory(props.config.mountPath)) {
    fail(
      'config.mountPath',
      props.config.mountPath,
      "must be an absolute directory other than '/'",
    );
  }
  if (props.config && props.config.mountPath === undefined) {
    for (const key of props.config.from.keys()) {
      if (!ENV_NAME.test(key)) {
        fail(
          'config',
          key,
          'is a key that is not a valid environment variable: give config.mountPath to mount it as a file',
        );
      }
    }
  }
  const secrets = props.secrets ?? [];
  checkSecrets(check, secrets, chart?.secrets ?? [], chart !== undefined);

  const egress = props.egress ?? [];
  egress.forEach((destination, index) => checkEgress(check, `egress[${index}]`, destination));
  const terminationGracePeriodSeconds =
    props.terminationGracePeriodSeconds ?? contract.terminationGracePeriodSeconds;
  integerIn('terminationGracePeriodSeconds', terminationGracePeriodSeconds, 1, 3600);

  return {
    name: props.name,
    namespace,
    image,
    imageString: props.image,
    partOf,
    environment,
    command: props.command,
    runAsUser,
    writablePaths,
    writableSizeMebibytes,
    cpuRequestMillis,
    cpuLimitMillis,
    memoryRequestMebibytes,
    memoryLimitMebibytes,
    env,
    config: props.config,
    secrets,
    egress,
    terminationGracePeriodSeconds,
    monitoringNamespaces: environment?.monitoringNamespaces ?? [],
  };
}

function isDirectory(path: string): boolean {
  return path.startsWith('/') && path !== '/' && !path.includes('..') && !path.endsWith('/');
}

/** Every reference names a SealedSecret the app has in this environment, and a key it holds. */
function checkSecrets(
  check: PropChecker,
  references: readonly SecretReference[],
  available: readonly AppSecret[],
  inAppChart: boolean,
): void {
  references.forEach((reference, index) => {
    const prop = `secrets[${index}]`;
    const secret = available.find((s) => s.name === reference.secret);
    if (!secret) {
      check.fail(
        `${prop}.secret`,
        reference.secret,
        inAppChart
          ? `is not a secret of this app here (it has ${available.length ? available.map((s) => `'${s.name}'`).join(', ') : 'none'}): seal it into deploy/sealed-secrets/<env>/`
          : 'can only be checked inside an AppChart, which knows the sealed secrets of the app',
      );
    }
    if ('key' in reference) {
      if (!secret.keys.includes(reference.key)) {
        check.fail(
          `${prop}.key`,
          reference.key,
          `is not a key of secret '${secret.name}' (${secret.keys.join(', ')})`,
        );
      }
      if (!ENV_NAME.test(reference.env)) {
        check.fail(`${prop}.env`, reference.env, 'is not a valid environment variable');
      }
    } else if (!isDirectory(reference.mountPath)) {
      check.fail(
        `${prop}.mountPath`,
        reference.mountPath,
        "must be an absolute directory other than '/'",
      );
    }
  });
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
