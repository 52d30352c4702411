import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import { allows } from '../testing/iam-evaluate.js';
import { iamDocuments } from '../testing/iam-documents.js';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';

const workflows = fileURLToPath(new URL('../../../../.github/workflows/', import.meta.url));

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

/** What the pinned actions call in ECR (their documented needs). */
const ACTION_CALLS: Readonly<Record<string, (step: Step) => string[]>> = {
  'aws-actions/amazon-ecr-login': () => ['ecr:GetAuthorizationToken'],
  'docker/build-push-action': (step) => [
    'ecr:BatchCheckLayerAvailability',
    'ecr:InitiateLayerUpload',
    'ecr:UploadLayerPart',
    'ecr:CompleteLayerUpload',
    'ecr:PutImage',
    // A repository that does not exist yet is created by the push (ECR create-on-push).
    'ecr:CreateRepository',
    // Attestations (provenance, SBOM) are pushed as an index that reads back the image manifest.
    ...(step.with?.['provenance'] || step.with?.['sbom'] ? ['ecr:BatchGetImage'] : []),
  ],
};

/** `aws ecr describe-images …` → `ecr:DescribeImages`. */
const cliCalls = (script: string): string[] =>
  [...script.matchAll(/\baws ecr ([a-z-]+)/g)].map(
    ([, command]) =>
      `ecr:${String(command).replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`,
  );

/** Every ECR call of every job that assumes the push role, by workflow and job. */
function pushRoleCalls(): { job: string; calls: string[] }[] {
  const found: { job: string; calls: string[] }[] = [];
  for (const file of readdirSync(workflows).filter((f) => f.endsWith('.yml'))) {
    const workflow = parse(readFileSync(join(workflows, file), 'utf8')) as {
      jobs: Record<string, { steps?: Step[] }>;
    };
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const steps = job.steps ?? [];
      const assumesPush = steps.some((s) =>
        String(s.with?.['role-to-assume'] ?? '').includes('vars.AWS_PUSH_ROLE_ARN_'),
      );
      if (!assumesPush) continue;
      const calls = steps.flatMap((step) => [
        ...(ACTION_CALLS[String(step.uses ?? '').split('@')[0] ?? '']?.(step) ?? []),
        ...cliCalls(step.run ?? ''),
      ]);
      found.push({ job: `${file} ${name}`, calls: [...new Set(calls)] });
    }
  }
  return found;
}

let recorder: ResourceRecorder;
beforeAll(async () => {
  ({ recorder } = await defineStacks(['staging']));
});
const { policy } = iamDocuments(() => recorder);

describe('the push role against the calls the workflows make with it', () => {
  const push = () => policy('platform-staging', 'push', 'push-images');
  const repository = (name: string) =>
    `arn:aws:ecr:eu-west-1:${FIXTURE_ACCOUNTS.staging}:repository/${name}`;

  it('is what the image builds (and the promotion protection) assume, and they call ECR', () => {
    const jobs = pushRoleCalls();
    expect(jobs.map((j) => j.job)).toEqual(
      expect.arrayContaining(['release.yml image', 'protect-images.yml protect']),
    );
    // The re-run path: "already pushed?" asks ECR, and a push with attestations reads back.
    expect(jobs.find((j) => j.job === 'release.yml image')?.calls).toEqual(
      expect.arrayContaining(['ecr:DescribeImages', 'ecr:BatchGetImage', 'ecr:PutImage']),
    );
  });

  it("allows every one of those calls on an app's repository, existing or not yet", () => {
    for (const { job, calls } of pushRoleCalls()) {
      const refused = calls.filter((call) =>
        call === 'ecr:GetAuthorizationToken'
          ? !allows(push(), call, '*')
          : !allows(push(), call, repository('platform-staging/an-app-not-yet-pushed')),
      );
      expect(refused, job).toEqual([]);
    }
  });

  it('pushes nowhere else, and never deletes or changes a repository', () => {
    for (const name of ['platform-production/orders', 'orders', 'platform-staging-other/orders'])
      expect(allows(push(), 'ecr:PutImage', repository(name)), name).toBe(false);
    for (const action of [
      'ecr:DeleteRepository',
      'ecr:BatchDeleteImage',
      'ecr:PutImageTagMutability',
      'ecr:SetRepositoryPolicy',
      'ecr:PutLifecyclePolicy',
    ])
      expect(allows(push(), action, repository('platform-staging/orders')), action).toBe(false);
  });

  it('can do nothing outside ECR', () => {
    for (const [action, resource] of [
      [
        'iam:PutRolePolicy',
        `arn:aws:iam::${FIXTURE_ACCOUNTS.staging}:role/platform-staging-github-push`,
      ],
      ['eks:DescribeCluster', '*'],
      ['s3:GetObject', 'arn:aws:s3:::any/.pulumi/stacks/infra-bootstrap/staging.json'],
      ['kms:Decrypt', '*'],
    ] as const)
      expect(allows(push(), action, resource), action).toBe(false);
  });
});
