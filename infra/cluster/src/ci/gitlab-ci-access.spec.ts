import { beforeAll, describe, expect, it } from 'vitest';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { defineStacks, stackNamed, type DefinedStack } from '../testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import { allows, trusts } from '../testing/iam-evaluate.js';
import { iamDocuments, type CiRoleKind } from '../testing/iam-documents.js';

/** A stack trusting GitLab instead of GitHub: the github* keys unset, the gitlab* keys set. */
const GITLAB = {
  ciProvider: 'gitlab',
  githubRepository: undefined,
  githubEnvironments: [],
  gitlabProject: 'fixture-group/platform/fixture-project',
};
const SELF_MANAGED_PROVIDER = 'arn:aws:iam::100000000001:oidc-provider/gitlab.fixture.test';

let recorder: ResourceRecorder;
let stacks: Record<string, DefinedStack>;

beforeAll(async () => {
  ({ recorder, stacks } = await defineStacks([
    { stack: 'staging', overrides: { ...GITLAB, platformName: 'lab' } },
    { stack: 'production', overrides: { ...GITLAB, platformName: 'lab' } },
    {
      stack: 'staging',
      overrides: {
        ...GITLAB,
        platformName: 'selfhosted',
        gitlabHost: 'gitlab.fixture.test',
        gitlabOidcProviderArn: SELF_MANAGED_PROVIDER,
        gitlabMergeRequests: false,
        gitlabBranch: 'trunk',
      },
    },
  ]));
});

const { role, trust, policy } = iamDocuments(() => recorder, 'gitlab');

/** The `sub` GitLab presents (the default sub claim components: project_path, ref_type, ref). */
const project = 'project_path:fixture-group/platform/fixture-project';
const SUBJECTS = {
  'a pipeline on main': `${project}:ref_type:branch:ref:main`,
  'a merge-request pipeline (its source branch)': `${project}:ref_type:branch:ref:feature/x`,
  'a branch named like main': `${project}:ref_type:branch:ref:main-fix`,
  'a tag named main': `${project}:ref_type:tag:ref:main`,
  'a fork on its main': 'project_path:someone/fixture-project:ref_type:branch:ref:main',
  'a project whose path extends it': `${project}-evil:ref_type:branch:ref:main`,
  'a parent group project': 'project_path:fixture-group/platform:ref_type:branch:ref:main',
  'the GitHub format': 'repo:fixture-group/fixture-project:ref:refs/heads/main',
} as const;
type Case = keyof typeof SUBJECTS;
const trusted = (prefix: string, kind: CiRoleKind, host = 'gitlab.com'): Case[] =>
  (Object.keys(SUBJECTS) as Case[]).filter((name) =>
    trusts(trust(prefix, kind), SUBJECTS[name], host),
  );

describe('the GitLab OIDC provider', () => {
  it('is created for https://gitlab.com with the STS audience, once per stack that owns it', () => {
    expect(
      recorder.find(
        'aws:iam/openIdConnectProvider:OpenIdConnectProvider',
        'lab-staging-gitlab-oidc',
      ).inputs,
    ).toEqual({ url: 'https://gitlab.com', clientIdLists: ['sts.amazonaws.com'] });
    expect(
      recorder.named('aws:iam/openIdConnectProvider:OpenIdConnectProvider', 'selfhosted-'),
    ).toEqual([]);
    expect(trust('selfhosted-staging', 'deploy').Statement[0].Principal).toEqual({
      Federated: SELF_MANAGED_PROVIDER,
    });
  });

  it('creates no GitHub access at all', () => {
    expect(recorder.named('aws:iam/role:Role', 'lab-staging-github')).toEqual([]);
  });
});

describe('who may assume each GitLab CI role (the trust policies, evaluated)', () => {
  it.each([
    ['lab-staging', 'deploy', ['a pipeline on main']],
    ['lab-production', 'deploy', ['a pipeline on main']],
    ['lab-staging', 'push', ['a pipeline on main']],
    [
      'lab-production',
      'preview',
      [
        'a pipeline on main',
        'a merge-request pipeline (its source branch)',
        'a branch named like main',
      ],
    ],
  ] as const)('%s %s: exactly %j', (prefix, kind, expected) => {
    expect(trusted(prefix, kind)).toEqual(expected);
  });

  it('conditions on gitlab.com’s claims: a GitHub token with the same subject gets nothing', () => {
    expect(trusts(trust('lab-staging', 'deploy'), SUBJECTS['a pipeline on main'])).toBe(false);
    for (const statement of trust('lab-staging', 'preview').Statement)
      expect(statement.Condition.StringEquals['gitlab.com:aud']).toBe('sts.amazonaws.com');
  });

  it('the roles that can write compare the subject exactly (no pattern)', () => {
    for (const kind of ['deploy', 'push'] as const)
      for (const statement of trust('lab-production', kind).Statement)
        expect(statement.Condition.StringLike, kind).toBeUndefined();
  });

  it('follows a self-managed host and branch, and trusts no merge request when they are off', () => {
    const sub = (ref: string) => `${project}:ref_type:branch:ref:${ref}`;
    const preview = trust('selfhosted-staging', 'preview');
    expect(trusts(preview, sub('trunk'), 'gitlab.fixture.test')).toBe(true);
    expect(trusts(preview, sub('feature/x'), 'gitlab.fixture.test')).toBe(false);
    expect(trusts(trust('selfhosted-staging', 'deploy'), sub('trunk'), 'gitlab.fixture.test')).toBe(
      true,
    );
    expect(trusts(trust('selfhosted-staging', 'deploy'), sub('main'), 'gitlab.fixture.test')).toBe(
      false,
    );
    expect(trusts(trust('selfhosted-staging', 'deploy'), sub('trunk'))).toBe(false);
  });
});

describe('the GitLab CI roles', () => {
  it('are named <prefix>-gitlab-<kind>, described as the project’s', () => {
    for (const kind of ['deploy', 'push', 'preview'] as const) {
      expect(role('lab-production', kind).inputs['name']).toBe(`lab-production-gitlab-${kind}`);
      expect(role('lab-production', kind).inputs['description']).toMatch(
        /^GitLab CI of gitlab\.com\/fixture-group\/platform\/fixture-project: /,
      );
    }
    expect(stackNamed(stacks, 'lab-staging').config.ci.provider).toBe('gitlab');
  });

  it('the deploy role can never change them (the boundary and deny cover <prefix>-gitlab-*)', () => {
    const deploy = policy('lab-staging', 'deploy', 'deploy-infrastructure');
    const roleArn = (name: string) => `arn:aws:iam::${FIXTURE_ACCOUNTS.staging}:role/${name}`;
    const context = {
      'iam:PermissionsBoundary': `arn:aws:iam::${FIXTURE_ACCOUNTS.staging}:policy/lab-staging-managed-role-boundary`,
      'iam:PassedToService': 'eks.amazonaws.com',
    };
    for (const kind of ['deploy', 'push', 'preview'])
      for (const action of [
        'iam:PutRolePolicy',
        'iam:UpdateAssumeRolePolicy',
        'iam:DeleteRole',
        'iam:CreateRole',
        'iam:PassRole',
      ])
        expect(
          allows(deploy, action, roleArn(`lab-staging-gitlab-${kind}`), context),
          `${action} on ${kind}`,
        ).toBe(false);
    // What it manages stays manageable: the cluster's role, under the boundary.
    expect(
      allows(deploy, 'iam:CreateRole', roleArn('lab-staging-cluster-service-role'), context),
    ).toBe(true);
  });

  it('the deploy role manages the GitLab OIDC provider only when the stack owns it', () => {
    const resources = (prefix: string) =>
      policy(prefix, 'deploy', 'deploy-infrastructure').Statement.find(
        (s: { Sid: string }) => s.Sid === 'ManageOidcProviders',
      ).Resource;
    expect(resources('lab-staging')).toContain(
      `arn:aws:iam::${FIXTURE_ACCOUNTS.staging}:oidc-provider/gitlab.com`,
    );
    expect(JSON.stringify(resources('selfhosted-staging'))).not.toMatch(/gitlab|githubusercontent/);
  });
});

describe('the GitLab deploy and preview roles in the cluster', () => {
  it('the deploy role is a cluster admin and the preview role a drift reader, under gitlab-* keys', () => {
    const entries = recorder.find('eks:index:Cluster', 'lab-staging-cluster-eks').inputs[
      'accessEntries'
    ] as Record<string, { principalArn: string; kubernetesGroups?: string[] }>;
    expect(Object.keys(entries).sort()).toEqual(['gitlab-deploy', 'gitlab-preview']);
    expect(entries['gitlab-deploy']?.principalArn).toMatch(/:role\/lab-staging-gitlab-deploy$/);
    expect(entries['gitlab-preview']).toMatchObject({
      principalArn: expect.stringMatching(/:role\/lab-staging-gitlab-preview$/),
      kubernetesGroups: ['platform:drift-readers'],
    });
  });
});
