import { policyDocument, type PolicyDocument } from '../ci/policy-document.js';

/** Where the add-ons write DNS: the environment's zone, by ARN, and its name. */
export interface DnsZoneScope {
  readonly partition: string;
  /** `arn:<partition>:route53:::hostedzone/<id>`. */
  readonly zoneArn: string;
  /** The zone's name (lowercase, no trailing dot): the environment's domain. */
  readonly domain: string;
}

/**
 * cert-manager's DNS-01 solver: TXT records named `_acme-challenge.…` in the environment's zone
 * and nothing else (an A record, or any record of another zone, is refused). GetChange polls
 * the change it made (Route 53 offers no narrower resource than `change/*`);
 * ListHostedZonesByName finds the zone, since the ClusterIssuer is rendered from environment
 * data that has no zone id (read-only, and Route 53 cannot scope it).
 */
export function certManagerPolicy(scope: DnsZoneScope): PolicyDocument {
  return policyDocument([
    {
      Sid: 'SeeItsChangesPropagate',
      Effect: 'Allow',
      Action: 'route53:GetChange',
      Resource: `arn:${scope.partition}:route53:::change/*`,
    },
    {
      Sid: 'ReadTheEnvironmentZone',
      Effect: 'Allow',
      Action: 'route53:ListResourceRecordSets',
      Resource: scope.zoneArn,
    },
    {
      // A separate statement: ForAllValues holds for a request without the key, so it must
      // only ever sit beside ChangeResourceRecordSets, which always carries it.
      Sid: 'WriteAcmeChallengesOnly',
      Effect: 'Allow',
      Action: 'route53:ChangeResourceRecordSets',
      Resource: scope.zoneArn,
      Condition: {
        'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['TXT'] },
        'ForAllValues:StringLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
            `_acme-challenge.${scope.domain}`,
            `_acme-challenge.*.${scope.domain}`,
          ],
        },
      },
    },
    {
      Sid: 'FindTheZoneByName',
      Effect: 'Allow',
      Action: 'route53:ListHostedZonesByName',
      Resource: '*',
    },
  ]);
}

/**
 * external-dns: the records of the environment's zone (it owns those it marked with its TXT
 * registry), nothing of another zone. ListHostedZones lists the account's zones, which it
 * then filters to this one (Route 53 cannot scope it; it reveals names, no records).
 */
export function externalDnsPolicy(scope: DnsZoneScope): PolicyDocument {
  return policyDocument([
    {
      Sid: 'ManageTheEnvironmentZoneRecords',
      Effect: 'Allow',
      Action: [
        'route53:ChangeResourceRecordSets',
        'route53:ListResourceRecordSets',
        'route53:ListTagsForResources',
      ],
      Resource: scope.zoneArn,
    },
    {
      Sid: 'ListTheZones',
      Effect: 'Allow',
      Action: 'route53:ListHostedZones',
      Resource: '*',
    },
  ]);
}
