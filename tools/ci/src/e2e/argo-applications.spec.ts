import { describe, expect, it } from 'vitest';
import { applicationsReport } from './argo-applications.js';

const app = (name: string, sync: string, health: string) => ({
  metadata: { name },
  status: { sync: { status: sync }, health: { status: health } },
});

describe('applicationsReport', () => {
  it('is ready when every expected Application is Synced and Healthy', () => {
    expect(
      applicationsReport(
        { items: [app('staging-a', 'Synced', 'Healthy'), app('other', 'OutOfSync', 'Missing')] },
        ['staging-a'],
      ),
    ).toEqual({
      ready: true,
      waitingFor: [],
    });
  });

  it('waits for missing, out-of-sync and progressing Applications, naming each', () => {
    const report = applicationsReport(
      { items: [app('a', 'OutOfSync', 'Missing'), app('b', 'Synced', 'Progressing')] },
      ['a', 'b', 'c'],
    );
    expect(report.ready).toBe(false);
    expect(report.waitingFor).toEqual([
      'a: sync OutOfSync, health Missing',
      'b: sync Synced, health Progressing',
      'c: not created yet',
    ]);
  });

  it('is not ready with an empty list', () => {
    expect(applicationsReport({}, ['a']).ready).toBe(false);
  });

  it('with all, also waits for every Application that exists, expected or not', () => {
    const list = {
      items: [
        app('platform', 'Synced', 'Healthy'),
        app('cert-manager', 'Synced', 'Progressing'),
        app('staging-a', 'Synced', 'Healthy'),
      ],
    };
    expect(applicationsReport(list, ['platform', 'staging-a']).ready).toBe(true);
    expect(applicationsReport(list, ['platform', 'staging-a'], { all: true })).toEqual({
      ready: false,
      waitingFor: ['cert-manager: sync Synced, health Progressing'],
    });
  });

  it('with all, still waits for an expected Application that does not exist yet', () => {
    const report = applicationsReport(
      { items: [app('platform', 'Synced', 'Healthy')] },
      ['platform', 'staging-a'],
      { all: true },
    );
    expect(report).toEqual({ ready: false, waitingFor: ['staging-a: not created yet'] });
  });
});
