import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { finishPodTemplate } from '../pod/pod-template.js';
import { resolvePodProps } from '../pod/resolve-pod-props.js';
import { PropChecker } from '../prop-checker.js';
import { jobPod, jobRunOf } from './job-pod.js';
import type { MigrationJobProps } from './job-props.js';

/**
 * Argo CD runs the Job as a Sync hook in wave -1: after the Namespace and what the job reads
 * (wave -2), before the app's workloads (wave 0), and again on every sync. Not PreSync: a
 * PreSync hook runs before any manifest is applied, so on an app's first sync its Namespace
 * does not exist yet and the hook could never start.
 */
export const MIGRATION_HOOK_ANNOTATIONS: Readonly<Record<string, string>> = {
  'argocd.argoproj.io/hook': 'Sync',
  'argocd.argoproj.io/sync-wave': '-1',
  // The last run stays for `kubectl logs` until the next sync replaces it; a success goes.
  'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation,HookSucceeded',
};

/** A database migration run before the app's workloads change; see {@link MigrationJobProps}. */
export class MigrationJob extends Construct {
  readonly job: kplus.Job;

  constructor(scope: Construct, id: string, props: MigrationJobProps) {
    super(scope, id);
    const check: PropChecker = new PropChecker(`MigrationJob '${props.name}'`);
    const resolved = resolvePodProps(check, this, props);
    const run = jobRunOf(check, props, {
      backoffLimit: 1,
      activeDeadlineSeconds: 600,
      restartPolicy: 'Never',
    });
    const pod = jobPod(this, resolved, run, 'migration');
    this.job = new kplus.Job(this, 'job', {
      ...pod.props,
      metadata: { ...pod.metadata, annotations: { ...MIGRATION_HOOK_ANNOTATIONS } },
    });
    finishPodTemplate(this.job, resolved);
  }
}
