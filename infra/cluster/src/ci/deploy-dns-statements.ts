import type { DeployScope } from './deploy-scope.js';
import type { PolicyStatement } from './policy-document.js';

/**
 * The environment's hosted zone: create it (only when the stack does; Route 53 offers no
 * resource or condition for CreateHostedZone) and keep its comment and tags. Route 53 cannot
 * scope by tag and the zone's id is unknown until it exists, hence `hostedzone/*`. Never
 * DeleteHostedZone: the zone is retained on delete, so no `pulumi up` needs it, and no merge
 * can delete this or any other zone of the account. No record changes: the add-ons' roles write
 * records, the deploy role none.
 */
export function hostedZoneStatements(scope: DeployScope): PolicyStatement[] {
  return [
    ...(scope.managesHostedZone
      ? [
          {
            Sid: 'CreateTheHostedZone',
            Effect: 'Allow' as const,
            Action: 'route53:CreateHostedZone',
            Resource: '*',
          },
        ]
      : []),
    {
      Sid: 'TagAndDescribeTheHostedZone',
      Effect: 'Allow',
      Action: ['route53:ChangeTagsForResource', 'route53:UpdateHostedZoneComment'],
      Resource: `arn:${scope.partition}:route53:::hostedzone/*`,
    },
  ];
}
