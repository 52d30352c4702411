import { MAX_APP_NAME_LENGTH, type Environment } from '@platform/environments';
import { formatImageReference, imageReferenceOf, type ImageReference } from '@platform/image-ref';
import { platformServiceContract as contract } from '@platform/service-contracts';
import type { Construct } from 'constructs';
import { AppChart } from '../app-chart.js';
import type { PropChecker } from '../prop-checker.js';
import { checkEgress } from './check-egress.js';
import { checkSecrets } from './check-secrets.js';
import type { EgressDestination } from './egress-props.js';
import type { ConfigUse, PodProps, SecretReference } from './pod-props.js';
import { isDirectory } from './pod-rules.js';
import { checkConfigUse, envOf } from './resolve-env.js';
import { resourcesOf, type ResolvedResources } from './resolve-resources.js';

/** PodProps with every default applied and every invariant checked. */
export interface ResolvedPodProps extends ResolvedResources {
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
  readonly env: Readonly<Record<string, string>>;
  readonly config: ConfigUse | undefined;
  readonly secrets: readonly SecretReference[];
  readonly egress: readonly EgressDestination[];
  readonly terminationGracePeriodSeconds: number;
  /** The namespaces whose pods may scrape metrics (the environment's). */
  readonly monitoringNamespaces: readonly string[];
}

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
  const chart = AppChart.enclosing(scope);
  const environment = props.environment ?? chart?.environment;
  check.dnsLabel('name', props.name, MAX_APP_NAME_LENGTH);
  const namespace = props.namespace ?? chart?.app ?? props.name;
  check.dnsLabel('namespace', namespace);

  let image: ImageReference;
  try {
    image = imageReferenceOf(props.image);
  } catch (error) {
    const text = typeof props.image === 'string' ? props.image : formatImageReference(props.image);
    return check.fail('image', text, `is not deployable: ${(error as Error).message}`);
  }
  const partOf = props.partOf ?? chart?.app ?? props.name;
  check.labelValue('partOf', partOf);
  if (props.command?.length === 0)
    check.fail('command', [], 'must not be empty (omit it for the image default)');

  const runAsUser = props.runAsUser ?? contract.runAsUser;
  check.integerIn('runAsUser', runAsUser, 1, 2_147_483_647);
  const writablePaths = props.writablePaths ?? contract.writablePaths;
  checkWritablePaths(check, writablePaths);
  const writableSizeMebibytes = props.writableSizeMebibytes ?? 64;
  check.integerIn('writableSizeMebibytes', writableSizeMebibytes, 1, 1_048_576);
  const resources = resourcesOf(check, props.resources, environment?.workloads);

  const env = envOf(check, props.env, environment, reservedEnv);
  checkConfigUse(check, props.config);
  const secrets = props.secrets ?? [];
  checkSecrets(check, secrets, chart?.secrets ?? [], chart !== undefined);
  const egress = props.egress ?? [];
  egress.forEach((destination, index) => checkEgress(check, `egress[${index}]`, destination));
  const terminationGracePeriodSeconds =
    props.terminationGracePeriodSeconds ?? contract.terminationGracePeriodSeconds;
  check.integerIn('terminationGracePeriodSeconds', terminationGracePeriodSeconds, 1, 3600);

  return {
    name: props.name,
    namespace,
    image,
    // The one place the reference is printed: the container's `image`.
    imageString: formatImageReference(image),
    partOf,
    environment,
    command: props.command,
    runAsUser,
    writablePaths,
    writableSizeMebibytes,
    ...resources,
    env,
    config: props.config,
    secrets,
    egress,
    terminationGracePeriodSeconds,
    monitoringNamespaces: environment?.monitoringNamespaces ?? [],
  };
}

/** Each writable path an absolute directory, none listed twice. */
function checkWritablePaths(check: PropChecker, writablePaths: readonly string[]): void {
  const seenPaths = new Set<string>();
  writablePaths.forEach((path, index) => {
    if (!isDirectory(path)) {
      check.fail(`writablePaths[${index}]`, path, "must be an absolute directory other than '/'");
    }
    if (seenPaths.has(path)) check.fail(`writablePaths[${index}]`, path, 'is listed twice');
    seenPaths.add(path);
  });
}
