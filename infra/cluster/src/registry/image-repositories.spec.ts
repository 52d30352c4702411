import { workspaceCatalog } from '@platform/environments';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import type { ResourceRecorder } from '../testing/resource-recorder.js';
import { crossAccountPullPolicy, keepLastImagesPolicy } from './lifecycle-policy.js';

let recorder: ResourceRecorder;

beforeAll(async () => {
  ({ recorder } = await defineStacks(['staging', 'production']));
});

describe.each([
  ['staging', 30],
  ['production', 100],
])('the %s image repositories', (stack, keep) => {
  const prefix = `platform-${stack}`;

  it('are one per app of the workspace catalog, named <prefix>/<app>', () => {
    const names = recorder
      .named('aws:ecr/repository:Repository', `${prefix}-images-`)
      .map((repository) => repository.inputs['name']);
    expect(names).toEqual(workspaceCatalog.appNames().map((app) => `${prefix}/${app}`));
  });

  it.each(workspaceCatalog.appNames())(
    '%s: tags are immutable and every push is scanned',
    (app) => {
      expect(
        recorder.find('aws:ecr/repository:Repository', `${prefix}-images-${app}`).inputs,
      ).toMatchObject({
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        forceDelete: false,
      });
    },
  );

  it.each(workspaceCatalog.appNames())(
    `%s: a lifecycle policy keeps the last ${keep} tagged images, never counting untagged ones`,
    (app) => {
      const lifecycle = recorder.find(
        'aws:ecr/lifecyclePolicy:LifecyclePolicy',
        `${prefix}-images-${app}`,
      );
      expect(lifecycle.inputs['repository']).toBe(`${prefix}/${app}`);
      const rules = JSON.parse(lifecycle.inputs['policy']).rules;
      expect(rules).toHaveLength(1);
      expect(rules[0].selection).toEqual({
        tagStatus: 'tagged',
        tagPatternList: ['*'],
        countType: 'imageCountMoreThan',
        countNumber: keep,
      });
      expect(rules[0].action).toEqual({ type: 'expire' });
    },
  );
});

describe('pulls from other accounts', () => {
  it.each(workspaceCatalog.appNames())(
    "%s: staging's images may be pulled by production's account, as its stack file says",
    (app) => {
      const policy = recorder.find(
        'aws:ecr/repositoryPolicy:RepositoryPolicy',
        `platform-staging-images-${app}-pull`,
      );
      expect(JSON.parse(policy.inputs['policy']).Statement[0].Principal).toEqual({
        AWS: ['arn:aws:iam::222222222222:root'],
      });
    },
  );

  it('production grants no other account', () => {
    expect(
      recorder.named('aws:ecr/repositoryPolicy:RepositoryPolicy', 'platform-production-'),
    ).toEqual([]);
  });
});

describe('crossAccountPullPolicy', () => {
  it('lets the listed accounts pull and nothing else', () => {
    const policy = JSON.parse(crossAccountPullPolicy(['222222222222']));
    expect(policy.Statement).toEqual([
      {
        Sid: 'PullFromOtherAccounts',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::222222222222:root'] },
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
