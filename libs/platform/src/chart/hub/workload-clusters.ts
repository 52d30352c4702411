import { argoClusterPattern } from '@platform/environments';
import { CLUSTER_SECRET_LABELS } from '../../layout.js';

/**
 * How long a hub's Applications on a new workload cluster keep retrying: their order there
 * comes from retries, not waves (each is its own Application, and the CRDs one installs must
 * exist before another's objects apply). Ten tries, backing off to 3 minutes: about 20 minutes.
 */
export const WORKLOAD_CLUSTER_RETRY_LIMIT = 10;

/**
 * The cluster generator of an environment's workload clusters: the cluster Secrets
 * infra/bootstrap writes on the hub, by their environment label (the hub itself has none, so
 * it never gets the add-ons or the apps). `only` narrows it to some clusters, `except` leaves
 * some out, by their name in the data.
 */
export function workloadClustersGenerator(
  environment: string,
  filter: { readonly only?: string; readonly except?: readonly string[] } = {},
) {
  const except = filter.except ?? [];
  return {
    clusters: {
      selector: {
        matchLabels: {
          [CLUSTER_SECRET_LABELS.environment]: environment,
          ...(filter.only === undefined ? {} : { [CLUSTER_SECRET_LABELS.cluster]: filter.only }),
        },
        ...(except.length > 0
          ? {
              matchExpressions: [
                { key: CLUSTER_SECRET_LABELS.cluster, operator: 'NotIn', values: [...except] },
              ],
            }
          : {}),
      },
    },
  };
}

/**
 * The AppProjects' destination for an environment's workload clusters: every Argo CD cluster
 * name `<env>.<cluster>` (never the hub, which has no such name), so a new cluster's Secret is
 * let in with no change here.
 */
export function workloadClusterDestination(environment: string): { readonly name: string } {
  return { name: argoClusterPattern(environment) };
}

/**
 * The template parameters of the cluster generator (Go templates, `missingkey=error`). The
 * generated Applications are named `<env>.<cluster>.<app>` (the apps), and
 * `<env>.<cluster>.platform.<add-on>` or `<env>.<cluster>.platform.objects` (the platform): the
 * dots keep every name apart from every other, whatever an app is called.
 */
export const CLUSTER_PARAMETERS = {
  /** Argo CD's name of the cluster: `<env>.<cluster>`. */
  name: '{{.name}}',
  /** The cluster's name in the environment's data, from its label. */
  cluster: `{{index .metadata.labels "${CLUSTER_SECRET_LABELS.cluster}"}}`,
} as const;
