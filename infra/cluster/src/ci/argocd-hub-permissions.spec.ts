import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import { iamDocuments } from '../testing/iam-documents.js';
import { allows } from '../testing/iam-evaluate.js';

let recorder: ResourceRecorder;

beforeAll(async () => {
  ({ recorder } = await defineStacks(['live-hub', 'live-east', 'staging']));
});

const { policy } = iamDocuments(() => recorder);
const HUB = 'platform-live-hub';
const account = (prefix: string) =>
  prefix === 'platform-staging' ? FIXTURE_ACCOUNTS.staging : FIXTURE_ACCOUNTS.live;
const deploy = (prefix: string) => policy(prefix, 'deploy', 'deploy-infrastructure');
const hubRole = (prefix: string) => `arn:aws:iam::${account(prefix)}:role/${prefix}-argocd-hub`;
const boundaryOf = (prefix: string) => ({
  'iam:PermissionsBoundary': `arn:aws:iam::${account(prefix)}:policy/${prefix}-managed-role-boundary`,
});
const toPods = { 'iam:PassedToService': 'pods.eks.amazonaws.com' };

describe("the hub stack's deploy role and the Argo CD hub role", () => {
  it('creates the role only with the managed-role boundary', () => {
    expect(allows(deploy(HUB), 'iam:CreateRole', hubRole(HUB), boundaryOf(HUB))).toBe(true);
    expect(allows(deploy(HUB), 'iam:CreateRole', hubRole(HUB))).toBe(false);
    expect(
      allows(deploy(HUB), 'iam:CreateRole', hubRole(HUB), {
        'iam:PermissionsBoundary': 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    ).toBe(false);
  });

  it('passes it to EKS Pod Identity and associates it on its own cluster only', () => {
    expect(allows(deploy(HUB), 'iam:PassRole', hubRole(HUB), toPods)).toBe(true);
    const cluster = (name: string) =>
      `arn:aws:eks:eu-west-1:${FIXTURE_ACCOUNTS.live}:cluster/${name}`;
    expect(allows(deploy(HUB), 'eks:CreatePodIdentityAssociation', cluster(HUB))).toBe(true);
    expect(
      allows(deploy(HUB), 'eks:CreatePodIdentityAssociation', cluster('platform-live-east')),
    ).toBe(false);
  });

  it('never gives it a policy, re-points its trust or replaces it (an administrator’s run)', () => {
    const context = {
      ...boundaryOf(HUB),
      'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
    };
    for (const action of [
      'iam:PutRolePolicy',
      'iam:AttachRolePolicy',
      'iam:UpdateAssumeRolePolicy',
      'iam:DeleteRole',
    ])
      expect(allows(deploy(HUB), action, hubRole(HUB), context), action).toBe(false);
    // The same attachment on the node role is allowed: the refusal above is the hub role's.
    expect(
      allows(
        deploy(HUB),
        'iam:AttachRolePolicy',
        `arn:aws:iam::${FIXTURE_ACCOUNTS.live}:role/${HUB}-nodes-role-abc1234`,
        context,
      ),
    ).toBe(true);
  });

  it.each(['platform-live-east', 'platform-staging'])(
    'the deploy role of %s (no hub) cannot hand such a role to pods',
    (prefix) => {
      expect(allows(deploy(prefix), 'iam:PassRole', hubRole(prefix), toPods)).toBe(false);
    },
  );
});
