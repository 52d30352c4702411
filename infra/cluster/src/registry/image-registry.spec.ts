import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import type { ResourceRecorder } from '../testing/resource-recorder.js';
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

  it(`keeps the last ${keep} tagged images, never counting untagged ones`, () => {
    const rules = JSON.parse(template()['lifecyclePolicy']).rules;
    expect(rules).toHaveLength(1);
    expect(rules[0].selection).toEqual({
      tagStatus: 'tagged',
      tagPatternList: ['*'],
      countType: 'imageCountMoreThan',
      countNumber: keep,
    });
    expect(rules[0].action).toEqual({ type: 'expire' });
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
  it('lets the listed accounts pull and nothing else', () => {
    const policy = JSON.parse(crossAccountPullPolicy([FIXTURE_ACCOUNTS.production]));
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
