import type { PodProps } from '../pod/pod-props.js';

/** What a run-to-completion pod may do before Kubernetes gives up on it. */
export interface JobRunProps {
  /** Retries of a failed pod before the run fails. @default 2 (a migration: 1) */
  readonly backoffLimit?: number;
  /** Seconds a run may take in all, then it is stopped. @default 3600 (a migration: 600) */
  readonly activeDeadlineSeconds?: number;
  /** Restart the container in place, or start a new pod. @default 'OnFailure' (a migration: 'Never') */
  readonly restartPolicy?: 'OnFailure' | 'Never';
}

/**
 * A nightly report, a cleanup: a CronJob whose runs never overlap by default, with a time zone
 * said out loud, a deadline to start and one to finish, and a short history.
 */
export interface ScheduledJobProps extends PodProps, JobRunProps {
  /** Five cron fields or a macro (`@daily`), in `timeZone`; checked at synth. */
  readonly schedule: string;
  /** An IANA time zone. @default 'Etc/UTC' */
  readonly timeZone?: string;
  /** What to do when the last run is still going. @default 'Forbid' (never overlap) */
  readonly concurrencyPolicy?: 'Forbid' | 'Replace' | 'Allow';
  /** Seconds after the scheduled time a missed run may still start. @default 300 */
  readonly startingDeadlineSeconds?: number;
  /** Finished runs kept. @default 3 */
  readonly successfulJobsHistoryLimit?: number;
  /** Failed runs kept. @default 3 */
  readonly failedJobsHistoryLimit?: number;
  /** Pause the schedule. @default false */
  readonly suspend?: boolean;
}

/** A database migration: a Job Argo CD runs to completion before the app's workloads change. */
export type MigrationJobProps = PodProps & JobRunProps;
