import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';

let recorder: ResourceRecorder;
let engine: Awaited<ReturnType<typeof defineStacks>>['engine'];

beforeAll(async () => {
  ({ recorder, engine } = await defineStacks(['staging', 'production']));
});

const ADDON = 'aws:eks/addon:Addon';

describe.each(['staging', 'production'])('the %s EKS add-ons', (stack) => {
  const prefix = `platform-${stack}`;

  // metrics-server: the autoscalers' resource metrics; the agent: the add-ons' AWS credentials.
  it.each(['metrics-server', 'eks-pod-identity-agent'])(
    '%s: on the cluster, EKS owning its fields, after the nodes',
    (addonName) => {
      const addon = recorder.find(ADDON, `${prefix}-${addonName}`);
      expect(addon.inputs).toMatchObject({
        clusterName: prefix,
        addonName,
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
      });
      // Its pods must be scheduled before EKS reports it active.
      expect(
        engine
          .get(`${ADDON} ${prefix}-${addonName}`)
          ?.dependencies.some((urn) => urn.endsWith(`::${prefix}-nodes-group`)),
      ).toBe(true);
    },
  );

  it('installs exactly these two', () => {
    expect(
      recorder
        .named(ADDON, `${prefix}-`)
        .map((addon) => addon.inputs['addonName'])
        .sort(),
    ).toEqual(['eks-pod-identity-agent', 'metrics-server']);
  });
});
