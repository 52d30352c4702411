import { describe, expect, it } from 'vitest';
import { expectRestrictedPod } from '../testing/restricted-pod.js';
import { find, podSpecOf, SHOP_IMAGE, synthApp } from '../testing/synth-helpers.js';
import type { ScheduledJobProps } from './job-props.js';
import { ScheduledJob } from './scheduled-job.js';

const synthJob = (props: Partial<ScheduledJobProps> = {}) =>
  synthApp(
    (chart) =>
      new ScheduledJob(chart, 'nightly', {
        name: 'shop-nightly',
        image: SHOP_IMAGE,
        schedule: '30 2 * * *',
        ...props,
      }),
  );

describe('ScheduledJob', () => {
  const objects = synthJob();
  const cronJob = find(objects, 'CronJob', 'shop-nightly');

  it('never overlaps runs, says its time zone, and bounds start, run and history', () => {
    expect(cronJob.spec).toMatchObject({
      schedule: '30 2 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      suspend: false,
      jobTemplate: { spec: { backoffLimit: 2, activeDeadlineSeconds: 3600 } },
    });
    expect(podSpecOf(cronJob).restartPolicy).toBe('OnFailure');
  });

  it('runs restricted, with no probes (it runs to completion) and nothing let in', () => {
    expectRestrictedPod(podSpecOf(cronJob));
    expect(podSpecOf(cronJob).containers[0].livenessProbe).toBeUndefined();
    expect(find(objects, 'NetworkPolicy', 'shop-nightly-ingress').spec.ingress).toEqual([]);
    expect(objects.some((o) => o.kind === 'Service')).toBe(false);
  });

  it('takes the policies it is given', () => {
    const custom = find(
      synthJob({
        timeZone: 'Europe/Berlin',
        concurrencyPolicy: 'Replace',
        restartPolicy: 'Never',
        backoffLimit: 0,
        schedule: '@weekly',
      }),
      'CronJob',
      'shop-nightly',
    );
    expect(custom.spec).toMatchObject({
      schedule: '0 0 * * 0',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Replace',
      jobTemplate: { spec: { backoffLimit: 0 } },
    });
    expect(podSpecOf(custom).restartPolicy).toBe('Never');
  });

  it.each<[string, Partial<ScheduledJobProps>, string]>([
    [
      'a schedule that does not parse',
      { schedule: '0 25 * * *' },
      'schedule = "0 25 * * *" hour \'25\' is out of range 0-23',
    ],
    ['a seconds field', { schedule: '0 0 3 * * *' }, 'schedule = "0 0 3 * * *" has 6 fields'],
    [
      'an unknown time zone',
      { timeZone: 'Moon/Base' },
      'timeZone = "Moon/Base" is not an IANA time zone',
    ],
    [
      'a restart policy of Always',
      { restartPolicy: 'Always' as never },
      "restartPolicy = \"Always\" must be 'OnFailure' or 'Never'",
    ],
    [
      'a starting deadline under 10 s',
      { startingDeadlineSeconds: 5 },
      'startingDeadlineSeconds = 5 must be an integer from 10',
    ],
  ])('refuses %s, naming the prop and the value', (_case, props, message) => {
    expect(() => synthJob(props)).toThrow(`ScheduledJob 'shop-nightly': ${message}`);
  });
});
