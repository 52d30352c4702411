import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import { iamDocuments } from '../testing/iam-documents.js';
import { allows } from '../testing/iam-evaluate.js';
import { INLINE_POLICY_LIMIT, MANAGED_POLICY_LIMIT } from './policy-document.js';

// infra/bootstrap runs in CI with the environment's roles, which a hub-and-spoke environment
// takes from its hub stack (tools/ci environmentStacks); its stack is named after the
// environment (`live`), not the hub (`live-hub`), and reads the workload stacks' outputs.
let recorder: ResourceRecorder;
const CLUSTER_KEY = 'arn:aws:kms:eu-west-1:100000000003:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const BOOTSTRAP_KEY = 'arn:aws:kms:eu-west-1:100000000003:key/9999abcd-12ab-34cd-56ef-1234567890ab';
const onBucket = {
  pulumiStateBucket: 'acme-state',
  pulumiSecretsKeyArn: CLUSTER_KEY,
  pulumiBootstrapSecretsKeyArn: BOOTSTRAP_KEY,
};

beforeAll(async () => {
  ({ recorder } = await defineStacks([
    { stack: 'live-hub', overrides: { platformName: 'shared', ...onBucket } },
    { stack: 'live-east', overrides: { platformName: 'shared', ...onBucket } },
    { stack: 'staging', overrides: { platformName: 'shared', ...onBucket } },
    // On Pulumi Cloud: the tokens decide, the roles get no state access.
    'live-hub',
  ]));
});

const HUB = 'shared-live-hub';
const STATE = 'arn:aws:s3:::acme-state/.pulumi';
const { permissions, managedPolicies, policy } = iamDocuments(() => recorder);
const hubDeploy = () => permissions(HUB, 'deploy');
const may = (document: { Statement: any[] }, action: string, key: string) =>
  allows(document, action, `${STATE}/${key}`);
const WRITES = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];
/** The keys `pulumi up` of infra-bootstrap's stack `stack` reads and writes. */
const bootstrapKeys = (stack: string) => [
  `stacks/infra-bootstrap/${stack}.json`,
  `stacks/infra-bootstrap/${stack}.json.bak`,
  `history/infra-bootstrap/${stack}/${stack}-1700000000.history.json`,
  `backups/infra-bootstrap/${stack}/${stack}.1700000000.json`,
  `locks/organization/infra-bootstrap/${stack}/0d6e1f2a.json`,
];

describe("a hub's deploy role (the environment's) on a self-managed backend", () => {
  it("reads and writes infra/bootstrap's stack of its environment, as a single stack's role does its own", () => {
    const single = permissions('shared-staging', 'deploy');
    for (const action of WRITES) {
      for (const key of bootstrapKeys('live'))
        expect(may(hubDeploy(), action, key), `${action} ${key}`).toBe(true);
      for (const key of bootstrapKeys('staging'))
        expect(may(single, action, key), `single: ${action} ${key}`).toBe(true);
    }
  });

  it("reads the workload clusters' stacks (their outputs become the cluster Secrets), never writes them", () => {
    expect(may(hubDeploy(), 's3:GetObject', 'stacks/infra-cluster/live-east.json')).toBe(true);
    for (const action of ['s3:PutObject', 's3:DeleteObject'])
      expect(may(hubDeploy(), action, 'stacks/infra-cluster/live-east.json'), action).toBe(false);
    for (const key of [
      'history/infra-cluster/live-east/live-east-1700000000.history.json',
      'backups/infra-cluster/live-east/live-east.1700000000.json',
      'locks/organization/infra-cluster/live-east/0d6e1f2a.json',
    ])
      for (const action of WRITES) expect(may(hubDeploy(), action, key), key).toBe(false);
  });

  it("touches no other environment's state, nor another infra-bootstrap stack", () => {
    for (const stack of ['staging', 'production', 'live-east'])
      for (const key of bootstrapKeys(stack))
        for (const action of WRITES)
          expect(may(hubDeploy(), action, key), `${action} ${key}`).toBe(false);
    for (const key of ['stacks/infra-cluster/staging.json', 'stacks/infra-bootstrap/lively.json'])
      expect(may(hubDeploy(), 's3:GetObject', key), key).toBe(false);
  });

  it('still decrypts with both keys, and its own stack stays as it was', () => {
    expect(allows(hubDeploy(), 'kms:Decrypt', BOOTSTRAP_KEY)).toBe(true);
    expect(allows(hubDeploy(), 'kms:Decrypt', CLUSTER_KEY)).toBe(true);
    expect(may(hubDeploy(), 's3:PutObject', 'stacks/infra-cluster/live-hub.json')).toBe(true);
  });

  it('gets it through one managed policy, which no CI role may change or detach', () => {
    const name = `${HUB}-github-deploy-bootstrap-state`;
    expect(Object.keys(managedPolicies(HUB, 'deploy'))).toEqual([name]);
    const policyArn = `arn:aws:iam::${FIXTURE_ACCOUNTS.live}:policy/${name}`;
    for (const action of [
      'iam:CreatePolicyVersion',
      'iam:SetDefaultPolicyVersion',
      'iam:DeletePolicy',
      'iam:DeletePolicyVersion',
    ])
      expect(allows(hubDeploy(), action, policyArn), action).toBe(false);
    expect(
      allows(
        hubDeploy(),
        'iam:DetachRolePolicy',
        `arn:aws:iam::${FIXTURE_ACCOUNTS.live}:role/${HUB}-github-deploy`,
        { 'iam:PolicyARN': policyArn },
      ),
    ).toBe(false);
  });

  it('keeps both policies under their IAM size limits', () => {
    const size = (document: unknown) => JSON.stringify(document).replace(/\s/g, '').length;
    expect(size(policy(HUB, 'deploy', 'deploy-infrastructure'))).toBeLessThan(INLINE_POLICY_LIMIT);
    const [managed] = Object.values(managedPolicies(HUB, 'deploy'));
    expect(size(managed)).toBeLessThan(MANAGED_POLICY_LIMIT);
  });
});

describe('what stays as it was', () => {
  it("the hub's preview role: no infra/bootstrap preview runs in CI, so no bootstrap or workload state", () => {
    const preview = permissions(HUB, 'preview');
    expect(may(preview, 's3:GetObject', 'stacks/infra-cluster/live-hub.json')).toBe(true);
    for (const key of ['stacks/infra-bootstrap/live.json', 'stacks/infra-cluster/live-east.json'])
      expect(may(preview, 's3:GetObject', key), key).toBe(false);
    expect(managedPolicies(HUB, 'preview')).toEqual({});
  });

  it('a single stack, a workload stack and a hub on Pulumi Cloud attach no managed policy', () => {
    for (const prefix of ['shared-staging', 'shared-live-east', 'platform-live-hub'])
      // A workload stack has no push role (it holds no registry).
      for (const kind of [
        'deploy',
        'preview',
        ...(prefix.endsWith('-east') ? [] : (['push'] as const)),
      ] as const)
        expect(managedPolicies(prefix, kind), `${prefix} ${kind}`).toEqual({});
  });

  it("a workload stack's deploy role reaches no infra/bootstrap state", () => {
    const deploy = permissions('shared-live-east', 'deploy');
    for (const key of bootstrapKeys('live'))
      expect(may(deploy, 's3:PutObject', key), key).toBe(false);
  });
});
