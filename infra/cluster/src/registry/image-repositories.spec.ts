import { workspaceCatalog } from '@platform/environments';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import type { ResourceRecorder } from '../testing/resource-recorder.js';
import { keepLastImagesPolicy } from './lifecycle-policy.js';

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
    `%s: a lifecycle policy keeps the last ${keep} images`,
    (app) => {
      const lifecycle = recorder.find(
        'aws:ecr/lifecyclePolicy:LifecyclePolicy',
        `${prefix}-images-${app}`,
      );
      expect(lifecycle.inputs['repository']).toBe(`${prefix}/${app}`);
      const rules = JSON.parse(lifecycle.inputs['policy']).rules;
      expect(rules).toHaveLength(1);
      expect(rules[0].selection).toEqual({
        tagStatus: 'any',
        countType: 'imageCountMoreThan',
        countNumber: keep,
      });
      expect(rules[0].action).toEqual({ type: 'expire' });
    },
  );
});

describe('keepLastImagesPolicy', () => {
  it.each([0, -1, 2.5])('refuses to keep %s images', (count) => {
    expect(() => keepLastImagesPolicy(count)).toThrow(RangeError);
  });
});
