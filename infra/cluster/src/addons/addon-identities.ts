import { ADDON_IDENTITIES } from '@platform/platform';
import * as pulumi from '@pulumi/pulumi';
import type { PolicyDocument } from '../ci/policy-document.js';
import { certManagerPolicy, externalDnsPolicy, type DnsZoneScope } from './dns-policies.js';
import { PodIdentityRole } from './pod-identity-role.js';

export type AddonName = keyof typeof ADDON_IDENTITIES;

/**
 * What each add-on of ADDON_IDENTITIES may do in AWS. Typed by its keys: an identity added in
 * libs/platform without a policy here fails the typecheck.
 */
const ADDON_POLICIES: Readonly<
  Record<AddonName, { description: string; policy: (zone: DnsZoneScope) => PolicyDocument }>
> = {
  certManager: { description: 'ACME DNS-01 challenges (TXT)', policy: certManagerPolicy },
  externalDns: { description: "the routes' DNS records", policy: externalDnsPolicy },
};

/** The role name of an add-on's identity: `<prefix>-addon-<service account>`. */
export function addonRoleName(namePrefix: string, addon: AddonName): string {
  return `${namePrefix}-addon-${ADDON_IDENTITIES[addon].serviceAccount}`;
}

export interface AddonIdentitiesArgs {
  readonly namePrefix: string;
  readonly partition: string;
  readonly clusterName: pulumi.Input<string>;
  readonly clusterArn: string;
  /** The environment's zone; the policies name no other. */
  readonly domain: string;
  readonly zoneArn: pulumi.Input<string>;
  readonly permissionsBoundaryArn: pulumi.Input<string>;
  /** What the associations wait for (the cluster). @default none */
  readonly clusterResources?: readonly pulumi.Resource[];
}

/** One Pod Identity role, policy and association per entry of ADDON_IDENTITIES. */
export class AddonIdentities extends pulumi.ComponentResource {
  public readonly roleArns: Readonly<Record<AddonName, pulumi.Output<string>>>;

  constructor(name: string, args: AddonIdentitiesArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:addons:AddonIdentities', name, {}, opts);
    const roleArns = {} as Record<AddonName, pulumi.Output<string>>;
    for (const addon of Object.keys(ADDON_IDENTITIES) as AddonName[]) {
      const identity = ADDON_IDENTITIES[addon];
      const { description, policy } = ADDON_POLICIES[addon];
      roleArns[addon] = new PodIdentityRole(
        `${name}-${identity.serviceAccount}`,
        {
          roleName: addonRoleName(args.namePrefix, addon),
          description: `${identity.namespace}/${identity.serviceAccount} (EKS Pod Identity): ${description}`,
          identity,
          clusterName: args.clusterName,
          clusterArn: args.clusterArn,
          policy: pulumi
            .output(args.zoneArn)
            .apply((zoneArn) =>
              policy({ partition: args.partition, zoneArn, domain: args.domain }),
            ),
          permissionsBoundaryArn: args.permissionsBoundaryArn,
          clusterResources: args.clusterResources ?? [],
        },
        { parent: this },
      ).roleArn;
    }
    this.roleArns = roleArns;
    this.registerOutputs({ roleArns });
  }
}
