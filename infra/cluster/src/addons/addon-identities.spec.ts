import { ADDON_IDENTITIES } from '@platform/platform';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import { addonDocuments, iamDocuments } from '../testing/iam-documents.js';
import { allowsWithin, trustsPrincipal } from '../testing/iam-evaluate.js';

let recorder: ResourceRecorder;
let engine: Awaited<ReturnType<typeof defineStacks>>['engine'];

beforeAll(async () => {
  ({ recorder, engine } = await defineStacks([
    'staging',
    'production',
    {
      stack: 'staging',
      overrides: {
        platformName: 'gov',
        region: 'us-gov-west-1',
        availabilityZones: ['us-gov-west-1a', 'us-gov-west-1b'],
      },
    },
  ]));
});

const docs = addonDocuments(() => recorder);
const { boundary } = iamDocuments(() => recorder);
const POD_IDENTITY = { Service: 'pods.eks.amazonaws.com' };
const CERT_MANAGER = ADDON_IDENTITIES.certManager;
const EXTERNAL_DNS = ADDON_IDENTITIES.externalDns;

describe.each([
  ['staging', FIXTURE_ACCOUNTS.staging],
  ['production', FIXTURE_ACCOUNTS.production],
])('the %s add-on identities', (stack, account) => {
  const prefix = `platform-${stack}`;
  const domain = `${stack}.test`;
  const zoneId = `Z0${`${prefix}-dns-zone`.replace(/-/g, '').toUpperCase()}`;
  const zoneArn = `arn:aws:route53:::hostedzone/${zoneId}`;
  const otherZone = 'arn:aws:route53:::hostedzone/Z0SOMEONEELSE';
  const clusterArn = `arn:aws:eks:eu-west-1:${account}:cluster/${prefix}`;
  const sessionTags = (namespace: string, serviceAccount: string, cluster = clusterArn) => ({
    'aws:RequestTag/kubernetes-namespace': namespace,
    'aws:RequestTag/kubernetes-service-account': serviceAccount,
    'aws:RequestTag/eks-cluster-arn': cluster,
  });
  const addonRoleArn = (serviceAccount: string) =>
    `arn:aws:iam::${account}:role/${prefix}-addon-${serviceAccount}`;
  /** What the role may do: its policy, within the boundary, as the role's own session. */
  const may = (
    serviceAccount: string,
    action: string,
    resource: string,
    context: Record<string, string | string[]> = {},
  ) =>
    allowsWithin(docs.policy(prefix, serviceAccount), boundary(prefix), action, resource, {
      ...context,
      'aws:PrincipalArn': addonRoleArn(serviceAccount),
    });
  const change = (types: string[], names: string[]) => ({
    'route53:ChangeResourceRecordSetsRecordTypes': types,
    'route53:ChangeResourceRecordSetsNormalizedRecordNames': names,
  });

  describe.each([CERT_MANAGER, EXTERNAL_DNS])('the role of $namespace/$serviceAccount', (id) => {
    const trust = () => docs.trust(prefix, id.serviceAccount);

    it('is named <prefix>-addon-<service account> and carries the managed-role boundary', () => {
      const role = docs.role(prefix, id.serviceAccount);
      expect(role.inputs['name']).toBe(`${prefix}-addon-${id.serviceAccount}`);
      const boundaryPolicy = recorder.find(
        'aws:iam/policy:Policy',
        `${prefix}-github-managed-role-boundary`,
      );
      expect(role.inputs['permissionsBoundary']).toBe(boundaryPolicy.state['arn']);
    });

    it('is trusted by EKS Pod Identity for this service account of this cluster only', () => {
      const own = sessionTags(id.namespace, id.serviceAccount);
      for (const action of ['sts:AssumeRole', 'sts:TagSession'])
        expect(trustsPrincipal(trust(), POD_IDENTITY, action, own), action).toBe(true);
      const refused = {
        'another namespace': sessionTags('default', id.serviceAccount),
        'another service account': sessionTags(id.namespace, 'default'),
        'another cluster': sessionTags(
          id.namespace,
          id.serviceAccount,
          `arn:aws:eks:eu-west-1:${account}:cluster/someone-else`,
        ),
        'no session tags': {},
      };
      for (const [why, tags] of Object.entries(refused))
        expect(trustsPrincipal(trust(), POD_IDENTITY, 'sts:AssumeRole', tags), why).toBe(false);
      const others: Record<string, string>[] = [
        { Service: 'ec2.amazonaws.com' },
        { AWS: `arn:aws:iam::${account}:root` },
        { AWS: 'arn:aws:iam::999999999999:root' },
      ];
      for (const principal of others)
        expect(
          trustsPrincipal(trust(), principal, 'sts:AssumeRole', own),
          JSON.stringify(principal),
        ).toBe(false);
      expect(trustsPrincipal(trust(), POD_IDENTITY, 'sts:AssumeRoleWithWebIdentity', own)).toBe(
        false,
      );
    });

    it('is handed to exactly that service account by a Pod Identity association', () => {
      const association = recorder.find(
        'aws:eks/podIdentityAssociation:PodIdentityAssociation',
        `${prefix}-addons-${id.serviceAccount}-association`,
      );
      expect(association.inputs).toMatchObject({
        clusterName: prefix,
        namespace: id.namespace,
        serviceAccount: id.serviceAccount,
        roleArn: docs.role(prefix, id.serviceAccount).state['arn'],
      });
      const waitsFor = engine.get(
        `aws:eks/podIdentityAssociation:PodIdentityAssociation ${prefix}-addons-${id.serviceAccount}-association`,
      )?.dependencies;
      // After the cluster exists, and after the policy: pods never get a role without it.
      expect(
        waitsFor?.some((urn) => urn.endsWith(`eks:index:Cluster::${prefix}-cluster-eks`)),
      ).toBe(true);
      expect(
        waitsFor?.some((urn) => urn.endsWith(`::${prefix}-addons-${id.serviceAccount}-policy`)),
      ).toBe(true);
    });

    it('can never touch IAM, STS or anything outside Route 53', () => {
      for (const [action, resource] of [
        ['iam:PassRole', addonRoleArn(id.serviceAccount)],
        ['iam:PutRolePolicy', addonRoleArn(id.serviceAccount)],
        ['iam:CreateRole', '*'],
        ['sts:AssumeRole', `arn:aws:iam::${account}:role/${prefix}-github-deploy`],
        ['s3:GetObject', 'arn:aws:s3:::any-bucket/any-key'],
        ['route53:DeleteHostedZone', zoneArn],
        ['route53:CreateHostedZone', '*'],
      ] as const)
        expect(may(id.serviceAccount, action, resource), action).toBe(false);
    });
  });

  it('cert-manager writes TXT challenges in the environment zone, and nothing else', () => {
    const txt = change(['TXT'], [`_acme-challenge.${domain}`]);
    expect(may('cert-manager', 'route53:ChangeResourceRecordSets', zoneArn, txt)).toBe(true);
    expect(
      may(
        'cert-manager',
        'route53:ChangeResourceRecordSets',
        zoneArn,
        change(['TXT'], [`_acme-challenge.orders.${domain}`]),
      ),
    ).toBe(true);
    const refused = {
      'an A record': change(['A'], [`_acme-challenge.${domain}`]),
      'a TXT and an A record': change(['TXT', 'A'], [`_acme-challenge.${domain}`, domain]),
      'a TXT record that is no challenge': change(['TXT'], [`www.${domain}`]),
      "another domain's challenge": change(['TXT'], ['_acme-challenge.example.org']),
    };
    for (const [why, context] of Object.entries(refused))
      expect(may('cert-manager', 'route53:ChangeResourceRecordSets', zoneArn, context), why).toBe(
        false,
      );
    expect(may('cert-manager', 'route53:ChangeResourceRecordSets', otherZone, txt)).toBe(false);
    expect(may('cert-manager', 'route53:ListResourceRecordSets', zoneArn)).toBe(true);
    expect(may('cert-manager', 'route53:ListResourceRecordSets', otherZone)).toBe(false);
    expect(may('cert-manager', 'route53:GetChange', 'arn:aws:route53:::change/C0123')).toBe(true);
    expect(may('cert-manager', 'route53:ListHostedZonesByName', '*')).toBe(true);
  });

  it("external-dns manages the environment zone's records, and no other zone's", () => {
    const a = change(['A', 'TXT'], [`orders.${domain}`, `a-orders.${domain}`]);
    for (const action of [
      'route53:ChangeResourceRecordSets',
      'route53:ListResourceRecordSets',
      'route53:ListTagsForResources',
    ]) {
      expect(may('external-dns', action, zoneArn, a), action).toBe(true);
      expect(may('external-dns', action, otherZone, a), `${action} elsewhere`).toBe(false);
    }
    expect(may('external-dns', 'route53:ListHostedZones', '*')).toBe(true);
  });
});

describe('the boundary cap on the add-on roles', () => {
  const admin = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  const role = (name: string) => `arn:aws:iam::${FIXTURE_ACCOUNTS.staging}:role/${name}`;

  it('holds an add-on role to Route 53 whatever its policy says; the node role is not', () => {
    const as = (principal: string, action: string) =>
      allowsWithin(admin, boundary('platform-staging'), action, '*', {
        'aws:PrincipalArn': role(principal),
      });
    expect(as('platform-staging-addon-cert-manager', 'route53:ListHostedZones')).toBe(true);
    expect(as('platform-staging-addon-cert-manager', 'ec2:RunInstances')).toBe(false);
    expect(as('platform-staging-addon-some-new-addon', 's3:GetObject')).toBe(false);
    expect(as('platform-staging-nodes-role-abc1234', 'ec2:CreateNetworkInterface')).toBe(true);
  });

  it("holds an add-on role to the environment zone's records: no other zone, no zone change", () => {
    const zone = `arn:aws:route53:::hostedzone/Z0PLATFORMSTAGINGDNSZONE`;
    const as = (principal: string, action: string, resource: string) =>
      allowsWithin(admin, boundary('platform-staging'), action, resource, {
        'aws:PrincipalArn': role(principal),
      });
    const certManager = 'platform-staging-addon-cert-manager';
    for (const action of ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'])
      expect(as(certManager, action, zone), action).toBe(true);
    expect(as(certManager, 'route53:GetChange', 'arn:aws:route53:::change/C123')).toBe(true);
    expect(as(certManager, 'route53:ListHostedZonesByName', '*')).toBe(true);
    expect(as('platform-staging-addon-external-dns', 'route53:ListHostedZones', '*')).toBe(true);
    const elsewhere = 'arn:aws:route53:::hostedzone/Z0SOMEONEELSE';
    for (const action of ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets'])
      expect(as(certManager, action, elsewhere), `${action} elsewhere`).toBe(false);
    for (const action of [
      'route53:DeleteHostedZone',
      'route53:DisableHostedZoneDNSSEC',
      'route53:ChangeTagsForResource',
      'route53:AssociateVPCWithHostedZone',
    ])
      expect(as(certManager, action, zone), action).toBe(false);
    expect(as(certManager, 'route53:CreateHostedZone', '*')).toBe(false);
    // The cap is the add-ons' only: the node role is not held to the zone.
    expect(
      as('platform-staging-nodes-role-abc1234', 'route53:ListResourceRecordSets', elsewhere),
    ).toBe(true);
  });
});

describe('a stack in another partition', () => {
  it('names its partition in every ARN of the add-on roles: none hard-codes arn:aws:', () => {
    for (const id of [CERT_MANAGER, EXTERNAL_DNS]) {
      const documents = JSON.stringify([
        docs.trust('gov-staging', id.serviceAccount),
        docs.policy('gov-staging', id.serviceAccount),
      ]);
      expect(documents).toContain('arn:aws-us-gov:');
      expect(documents).not.toContain('arn:aws:');
    }
    expect(docs.trust('gov-staging', 'cert-manager').Statement[0].Condition).toMatchObject({
      StringEquals: {
        'aws:RequestTag/eks-cluster-arn': `arn:aws-us-gov:eks:us-gov-west-1:${FIXTURE_ACCOUNTS.staging}:cluster/gov-staging`,
      },
    });
  });
});
