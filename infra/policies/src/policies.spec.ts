import { describe, expect, it } from 'vitest';
import { platformPolicies } from './policies.js';
import { clusterCases } from './testing/cluster-cases.js';
import { networkCases } from './testing/network-cases.js';
import { registryAndIdentityCases } from './testing/registry-identity-cases.js';
import { violationsOf } from './testing/validate.js';

const cases = [...networkCases, ...clusterCases, ...registryAndIdentityCases];

describe.each(cases.map(([policy, good, bad]) => [policy.name, policy, good, bad] as const))(
  '%s',
  (_, policy, good, bad) => {
    it.each(good.map((input) => [JSON.stringify(input), input] as const))(
      'lets through %s',
      async (_, input) => {
        expect(await violationsOf(policy, input)).toEqual([]);
      },
    );

    it.each(bad.map((input) => [JSON.stringify(input), input] as const))(
      'refuses %s',
      async (_, input) => {
        const violations = await violationsOf(policy, input);
        expect(violations.length).toBeGreaterThan(0);
        expect(violations.every((message) => message.length > 10)).toBe(true);
      },
    );
  },
);

describe('the policy set', () => {
  it('is tested above, rule by rule', () => {
    expect(cases.map(([policy]) => policy.name).sort()).toEqual(
      platformPolicies.map((policy) => policy.name).sort(),
    );
  });

  it('has unique names, a description each, and is mandatory', () => {
    expect(new Set(platformPolicies.map((policy) => policy.name)).size).toBe(
      platformPolicies.length,
    );
    for (const policy of platformPolicies) {
      expect(policy.description.length).toBeGreaterThan(20);
      expect(policy.enforcementLevel).toBe('mandatory');
    }
  });

  it('ignores resources of other types', async () => {
    for (const policy of platformPolicies) {
      expect(
        await violationsOf(policy, { type: 'kubernetes:core/v1:Namespace', props: {} }),
      ).toEqual([]);
    }
  });
});
