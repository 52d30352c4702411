import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export interface HostedZoneArgs {
  /** The zone's name: the environment's domain (lowercase, no trailing dot). */
  readonly domain: string;
  /**
   * An existing public zone of that name to use, never change: a stack's `hostedZoneId`, or the
   * hub stack's output on a workload cluster's stack. @default create the zone
   */
  readonly hostedZoneId?: pulumi.Input<string>;
  /** For the zone's ARN: `arn:<partition>:route53:::hostedzone/<id>`. */
  readonly partition: string;
}

/**
 * The environment's public Route 53 zone, where cert-manager answers ACME challenges and
 * external-dns publishes the routes' hostnames. Created and kept, or adopted by id.
 *
 * A created zone is protected and retained on delete: its name servers are delegated from the
 * parent zone by hand, once (README), and a new zone gets new name servers, so deleting or
 * replacing it would silently break every hostname of the environment. Protection makes
 * Pulumi refuse the deletion and any replacement; retention keeps the zone in AWS even if the
 * protection is lifted and the stack destroyed (adopt it again with `hostedZoneId`).
 * `forceDestroy: false` too: Route 53 itself refuses to delete a zone that still has records.
 */
export class HostedZone extends pulumi.ComponentResource {
  public readonly zoneId: pulumi.Output<string>;
  public readonly zoneArn: pulumi.Output<string>;
  /** The name servers to delegate to, as NS records of the domain in the parent zone. */
  public readonly nameServers: pulumi.Output<string[]>;

  constructor(name: string, args: HostedZoneArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:dns:HostedZone', name, {}, opts);
    if (args.hostedZoneId === undefined) {
      const zone = new aws.route53.Zone(
        `${name}-zone`,
        {
          name: args.domain,
          comment: `The public zone of ${args.domain} (cert-manager, external-dns)`,
          forceDestroy: false,
        },
        { parent: this, protect: true, retainOnDelete: true },
      );
      this.zoneId = zone.zoneId;
      this.nameServers = zone.nameServers;
    } else {
      const zone = aws.route53.getZoneOutput(
        { zoneId: args.hostedZoneId, privateZone: false },
        { parent: this },
      );
      // The add-ons' policies name this zone: refuse one that is not the environment's.
      this.zoneId = zone.apply((found) => adoptedZoneId(found, args.domain));
      this.nameServers = zone.nameServers;
    }
    this.zoneArn = pulumi.interpolate`arn:${args.partition}:route53:::hostedzone/${this.zoneId}`;
    this.registerOutputs({
      zoneId: this.zoneId,
      zoneArn: this.zoneArn,
      nameServers: this.nameServers,
    });
  }
}

/**
 * The id of the zone `hostedZoneId` names, once checked to be the environment's domain (Route 53
 * may return the name with a trailing dot). Throws naming both names otherwise.
 */
export function adoptedZoneId(
  found: { readonly zoneId: string; readonly name: string },
  domain: string,
): string {
  const name = found.name.replace(/\.$/, '').toLowerCase();
  if (name !== domain) {
    throw new Error(
      `hostedZoneId '${found.zoneId}' is the zone of '${name}', not of the environment's domain '${domain}'`,
    );
  }
  return found.zoneId;
}
