import { describe, expect, it } from 'vitest';
import { cdk8sPlusLineOf } from './cdk8s-plus-line.js';
import { versionWarnings } from './version-warnings.js';

const cdk8sPlus = { name: 'cdk8s-plus-27', kubernetes: '1.27' };
const targets = (version: string) =>
  new Map([
    ['test-live', version],
    ['test-stage', version],
  ]);
const eks = (version: string, today: string) =>
  versionWarnings(targets(version), { today: new Date(today) }).map((w) => w.message);

describe('versionWarnings', () => {
  it('warns once per version, naming its environments, when EKS standard support ends within 90 days', () => {
    const warnings = versionWarnings(targets('1.35'), { today: new Date('2027-01-01T15:00:00Z') });
    expect(warnings).toEqual([
      {
        subject: 'Kubernetes 1.35 (test-live, test-stage)',
        message: expect.stringMatching(/^EKS standard support ends on 2027-03-27, in 85 days;/),
        fix: expect.stringContaining('raise infra-cluster:kubernetesVersion'),
      },
    ]);
    expect(eks('1.35', '2026-12-27')).toHaveLength(1);
  });

  it('does not warn while the end of standard support is more than 90 days away', () => {
    expect(eks('1.35', '2026-12-26')).toEqual([]);
    expect(eks('1.35', '2026-12-02')).toEqual([]);
  });

  it('warns that standard support has ended, and says nothing of versions the EKS table does not date', () => {
    expect(eks('1.34', '2026-12-03')).toEqual([
      expect.stringMatching(/^EKS standard support ended on 2026-12-02;/),
    ]);
    expect(eks('1.27', '2026-12-03')).toEqual([]);
  });

  it('warns when the target is newer than the API the cdk8s-plus line describes, and how to move', () => {
    const [warning, ...rest] = versionWarnings(targets('1.28'), {
      today: new Date('2020-01-01'),
      cdk8sPlus,
    });
    expect(rest).toEqual([]);
    expect(warning?.message).toContain(
      'uses cdk8s-plus-27, which describes the Kubernetes 1.27 API',
    );
    expect(warning?.message).toContain('offer only fields of 1.27');
    expect(warning?.message).toContain('addJsonPatch');
    expect(warning?.fix).toContain('libs/workloads/package.json');
    expect(warning?.fix).toContain('libs/workloads/src');
  });

  it('does not warn about cdk8s-plus when the target is the version it describes or older', () => {
    for (const version of ['1.27', '1.23'])
      expect(
        versionWarnings(targets(version), { today: new Date('2020-01-01'), cdk8sPlus }),
      ).toEqual([]);
  });
});

describe('cdk8sPlusLineOf', () => {
  it('finds the cdk8s-plus-<minor> package and the version it describes', () => {
    expect(cdk8sPlusLineOf(['cdk8s', 'cdk8s-plus-33', 'constructs'])).toEqual({
      name: 'cdk8s-plus-33',
      kubernetes: '1.33',
    });
    expect(cdk8sPlusLineOf(['cdk8s', 'cdk8s-plus'])).toBeUndefined();
  });
});
