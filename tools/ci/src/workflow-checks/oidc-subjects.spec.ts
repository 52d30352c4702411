import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engineClusterStack, workspaceEnvironments } from '@platform/environments';
import { stackTrust, untrustedJobs } from './oidc-subjects.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const workflows = join(root, '.github/workflows');
// The environment variables hold the outputs of each environment's own stack, or its hub's.
const trust = Object.fromEntries(
  workspaceEnvironments.map((environment) => [
    environment.name,
    stackTrust(
      readFileSync(
        join(root, `infra/cluster/Pulumi.${engineClusterStack(environment).stack}.yaml`),
        'utf8',
      ),
    ),
  ]),
);

describe('OIDC subjects: the workflows against the roles infra/cluster creates', () => {
  it.each(readdirSync(workflows).filter((file) => file.endsWith('.yml')))(
    '%s: every job that assumes a role is trusted by it',
    (file) => {
      expect(untrustedJobs(file, readFileSync(join(workflows, file), 'utf8'), trust)).toEqual([]);
    },
  );

  it('refuses a deploy job in an environment the stack does not trust (the check can fail)', () => {
    const workflow = [
      'jobs:',
      '  up:',
      '    environment: qa',
      '    steps:',
      `      - uses: aws-actions/configure-aws-credentials@${'a'.repeat(40)} # v6.2.4`,
      '        with:',
      '          role-to-assume: ${{ vars.AWS_CI_ROLE_ARN_PRODUCTION }}',
    ].join('\n');
    expect(untrustedJobs('x.yml', workflow, trust)).toEqual([
      "x.yml: job 'up' presents 'environment:qa', which the production deploy role (AWS_CI_ROLE_ARN_PRODUCTION) does not trust",
    ]);
  });

  it('refuses the deploy role to a job without an environment (a main-branch job, an image build)', () => {
    const workflow = `jobs:\n  up:\n    steps:\n      - uses: aws-actions/configure-aws-credentials@${'a'.repeat(40)} # v6.2.4\n        with:\n          role-to-assume: \${{ vars.AWS_CI_ROLE_ARN_STAGING }}\n`;
    expect(untrustedJobs('x.yml', workflow, trust)).toEqual([
      "x.yml: job 'up' presents 'ref:refs/heads/main', which the staging deploy role (AWS_CI_ROLE_ARN_STAGING) does not trust",
    ]);
  });

  it('refuses the push role to a job in an environment', () => {
    const workflow = `jobs:\n  image:\n    environment: staging\n    steps:\n      - uses: aws-actions/configure-aws-credentials@${'a'.repeat(40)} # v6.2.4\n        with:\n          role-to-assume: \${{ vars.AWS_PUSH_ROLE_ARN_STAGING }}\n`;
    expect(untrustedJobs('x.yml', workflow, trust)).toHaveLength(1);
  });

  it('checks no GitHub job against a stack that trusts GitLab (ciProvider: gitlab)', () => {
    const workflow = `jobs:\n  up:\n    steps:\n      - uses: aws-actions/configure-aws-credentials@${'a'.repeat(40)} # v6.2.4\n        with:\n          role-to-assume: \${{ vars.AWS_CI_ROLE_ARN_STAGING }}\n`;
    const gitlab = stackTrust('config:\n  infra-cluster:ciProvider: gitlab\n');
    expect(gitlab).toEqual({ ciProvider: 'gitlab', environments: [], pullRequests: true });
    expect(untrustedJobs('x.yml', workflow, { ...trust, staging: gitlab })).toEqual([]);
    expect(untrustedJobs('x.yml', workflow, trust)).toHaveLength(1);
  });
});
