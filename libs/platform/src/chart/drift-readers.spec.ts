import { describe, expect, it } from 'vitest';
import { DRIFT_READERS_GROUP, driftReaderManifests } from './drift-readers.js';

describe('the drift readers', () => {
  const [role, binding] = driftReaderManifests('staging') as [any, any];

  it("may only read the engines' objects: no Secret, no write, no wildcard", () => {
    for (const rule of role.rules) {
      expect(rule.verbs).toEqual(['get', 'list', 'watch']);
      expect(
        [...rule.apiGroups, ...rule.resources].some((x: string) => x === '*' || x === ''),
      ).toBe(false);
    }
    expect(role.rules.flatMap((rule: any) => rule.resources).sort()).toEqual([
      'applications',
      'applicationsets',
      'helmreleases',
      'kustomizations',
    ]);
  });

  it('binds that role to the group infra/cluster maps the read-only CI role to, and to nobody else', () => {
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: DRIFT_READERS_GROUP },
    ]);
  });
});
