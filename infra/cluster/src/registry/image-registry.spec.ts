import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { crossAccountPullPolicy, keepLastImagesPolicy } from './lifecycle-policy.js';

let recorder: ResourceRecorder;

beforeAll(async () => {
  ({ recorder } = await defineStacks(['staging', 'production']));
});

describe.each([
  ['staging', 30],
  ['production', 100],
])('the %s image registry', (stack, keep) => {
  const prefix = `platform-${stack}`;
  const template = () =>
    recorder.find(
      'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
      `${prefix}-images-template`,
    ).inputs;

  it('lists no app: it declares no repository, only the template their first push applies', () => {
    expect(recorder.named('aws:ecr/repository:Repository', prefix)).toEqual([]);
    expect(template()).toMatchObject({ prefix, appliedFors: ['CREATE_ON_PUSH'] });
  });

  it('makes every repository under its prefix keep tags immutable and encrypt its images', () => {
    expect(template()).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      encryptionConfigurations: [{ encryptionType: 'AES256' }],
    });
  });

  it(`keeps the last ${keep} tagged images, never counting untagged ones, and never a protected one`, () => {
    const rules = JSON.parse(template()['lifecyclePolicy']).rules;
    // keep + 30 releases, oldest first; the oldest and the tenth were promoted (protected).
    const total = keep + 30;
    const images = Array.from({ length: total }, (_, i) => ({
      pushedAt: i,
      tags: [`sha-${i}`, ...(i === 0 || i === 10 ? [`keep-production-${i}`] : [])],
    }));
    images.push({ pushedAt: total, tags: [] });
    const expired = expiredBy(rules, images).map((image) => image.pushedAt);
    expect(expired).not.toContain(0);
    expect(expired).not.toContain(10);
    expect(expired).not.toContain(total);
    expect(expired).toContain(1);
    expect(expired).not.toContain(total - 1);
    expect(expired.length).toBeGreaterThanOrEqual(30 - 2);
  });

  it('scans every push in the registry', () => {
    expect(
      recorder.find(
        'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration',
        `${prefix}-images-scanning`,
      ).inputs,
    ).toEqual({
      scanType: 'BASIC',
      rules: [
        {
          scanFrequency: 'SCAN_ON_PUSH',
          repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
        },
      ],
    });
  });
});

describe('pulls from other accounts', () => {
  it("lets production's account pull staging's images, as the stack says", () => {
    const template = recorder.find(
      'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
      'platform-staging-images-template',
    ).inputs;
    expect(JSON.parse(template['repositoryPolicy']).Statement[0].Principal).toEqual({
      AWS: [`arn:aws:iam::${FIXTURE_ACCOUNTS.production}:root`],
    });
  });

  it('production grants no other account', () => {
    expect(
      recorder.find(
        'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
        'platform-production-images-template',
      ).inputs['repositoryPolicy'],
    ).toBeUndefined();
  });
});

describe('crossAccountPullPolicy', () => {
  it("names the accounts in the stack's partition", () => {
    const policy = JSON.parse(crossAccountPullPolicy(['100000000002'], 'aws-cn'));
    expect(policy.Statement[0].Principal).toEqual({ AWS: ['arn:aws-cn:iam::100000000002:root'] });
  });

  it('lets the listed accounts pull and nothing else', () => {
    const policy = JSON.parse(crossAccountPullPolicy([FIXTURE_ACCOUNTS.production], 'aws'));
    expect(policy.Statement).toEqual([
      {
        Sid: 'PullFromOtherAccounts',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::100000000002:root'] },
        Action: [
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
          'ecr:BatchCheckLayerAvailability',
        ],
      },
    ]);
  });
});

describe('keepLastImagesPolicy', () => {
  it.each([0, -1, 2.5])('refuses to keep %s images', (count) => {
    expect(() => keepLastImagesPolicy(count)).toThrow(RangeError);
  });
});

/**
 * ECR's documented lifecycle evaluation, for the selections these policies use: every rule
 * selects by tag (tagPrefixList: every prefix matches some tag; tagPatternList `*`: any tag)
 * and marks the images beyond its count, newest first; then rules apply by priority, and an
 * image a higher rule selects by its tags can never be expired by a lower one.
 */
function expiredBy(
  rules: { rulePriority: number; selection: Record<string, any> }[],
  images: { pushedAt: number; tags: string[] }[],
) {
  const selects = (selection: Record<string, any>, image: { tags: string[] }) =>
    selection['tagStatus'] === 'tagged' &&
    image.tags.length > 0 &&
    (selection['tagPrefixList'] ?? []).every((p: string) =>
      image.tags.some((t) => t.startsWith(p)),
    );
  const expired = new Set<object>();
  const claimed = new Set<object>();
  for (const rule of [...rules].sort((a, b) => a.rulePriority - b.rulePriority)) {
    const selected = images
      .filter((image) => selects(rule.selection, image))
      .sort((a, b) => b.pushedAt - a.pushedAt);
    for (const image of selected.slice(rule.selection['countNumber']))
      if (!claimed.has(image)) expired.add(image);
    for (const image of selected) claimed.add(image);
  }
  return images.filter((image) => expired.has(image));
}
