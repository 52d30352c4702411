import { Cron, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { finishPodTemplate } from '../pod/pod-template.js';
import { resolvePodProps } from '../pod/resolve-pod-props.js';
import { PropChecker } from '../prop-checker.js';
import { isTimeZone, parseCronSchedule } from './cron-schedule.js';
import { jobPod, jobRunOf } from './job-pod.js';
import type { ScheduledJobProps } from './job-props.js';

const CONCURRENCY: Readonly<Record<string, kplus.ConcurrencyPolicy>> = {
  Forbid: kplus.ConcurrencyPolicy.FORBID,
  Replace: kplus.ConcurrencyPolicy.REPLACE,
  Allow: kplus.ConcurrencyPolicy.ALLOW,
};

/** A CronJob with safe policies; see {@link ScheduledJobProps}. */
export class ScheduledJob extends Construct {
  readonly cronJob: kplus.CronJob;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const check: PropChecker = new PropChecker(`ScheduledJob '${props.name}'`);
    const resolved = resolvePodProps(check, this, props);
    const fields = parseCronSchedule(props.schedule);
    if (typeof fields === 'string') check.fail('schedule', props.schedule, fields);
    const timeZone = props.timeZone ?? 'Etc/UTC';
    if (!isTimeZone(timeZone))
      check.fail('timeZone', timeZone, 'is not an IANA time zone (e.g. Europe/Berlin)');
    const concurrencyPolicy = CONCURRENCY[props.concurrencyPolicy ?? 'Forbid'];
    if (!concurrencyPolicy) {
      check.fail(
        'concurrencyPolicy',
        props.concurrencyPolicy,
        "must be 'Forbid', 'Replace' or 'Allow'",
      );
    }
    const startingDeadlineSeconds = props.startingDeadlineSeconds ?? 300;
    // Below 10 s the controller, which checks every 10 s, may miss every run.
    check.integerIn('startingDeadlineSeconds', startingDeadlineSeconds, 10, 86_400);
    const successful = props.successfulJobsHistoryLimit ?? 3;
    const failed = props.failedJobsHistoryLimit ?? 3;
    check.integerIn('successfulJobsHistoryLimit', successful, 0, 100);
    check.integerIn('failedJobsHistoryLimit', failed, 0, 100);
    const run = jobRunOf(check, props, {
      backoffLimit: 2,
      activeDeadlineSeconds: 3600,
      restartPolicy: 'OnFailure',
    });

    const pod = jobPod(this, resolved, run, 'scheduled-job');
    this.cronJob = new kplus.CronJob(this, 'cron-job', {
      ...pod.props,
      metadata: pod.metadata,
      schedule: Cron.schedule({
        minute: fields.minute,
        hour: fields.hour,
        day: fields.day,
        month: fields.month,
        weekDay: fields.weekDay,
      }),
      timeZone,
      concurrencyPolicy,
      startingDeadline: Duration.seconds(startingDeadlineSeconds),
      suspend: props.suspend ?? false,
      successfulJobsRetained: successful,
      failedJobsRetained: failed,
    });
    finishPodTemplate(this.cronJob, resolved, '/spec/jobTemplate/spec/template');
  }
}
