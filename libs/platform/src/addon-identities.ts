/**
 * The service accounts of the add-ons that call AWS. infra/cluster gives each an EKS Pod
 * Identity association (namespace and service account must match exactly), and the rendered
 * Applications set the charts' `serviceAccount.name` to these: one definition, so the two
 * sides cannot drift.
 */
export interface AddonIdentity {
  readonly namespace: string;
  readonly serviceAccount: string;
}

export const ADDON_IDENTITIES = {
  /** Solves ACME DNS-01 challenges: TXT records in the environment's hosted zone. */
  certManager: { namespace: 'cert-manager', serviceAccount: 'cert-manager' },
  /** Publishes the routes' hostnames: records in the environment's hosted zone. */
  externalDns: { namespace: 'external-dns', serviceAccount: 'external-dns' },
} as const satisfies Record<string, AddonIdentity>;
