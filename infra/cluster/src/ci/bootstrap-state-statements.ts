import type { StateBackendConfig } from '../config/cluster-config.js';
import type { PolicyStatement } from './policy-document.js';
import { PREVIEWED_PROJECT } from './state-backend-statements.js';

/** The Pulumi project of infra/bootstrap: one stack per environment, named after it. */
export const BOOTSTRAP_PROJECT = 'infra-bootstrap';

/**
 * What a hub's deploy role needs of infra/bootstrap's state. CI runs infra/bootstrap with the
 * environment's roles, which a hub-and-spoke environment takes from its hub stack; but the
 * bootstrap stack is named after the environment, not the hub, so the hub stack's own state
 * scope (the stacks named like the hub's, in every project) misses it.
 */
export interface BootstrapState {
  readonly partition: string;
  /** infra/bootstrap's stack: the environment's name. */
  readonly stack: string;
  /** The workload clusters' infra-cluster stacks, whose outputs it reads (the cluster Secrets). */
  readonly readsClusterStacks: readonly string[];
}

/**
 * On a self-managed backend: infra/bootstrap's stack of the environment exactly as a single
 * stack's deploy role has it (its stack file, history, backups and locks: read and write), and
 * the workload clusters' stack files, read only. Nothing else (no other environment, no other
 * stack of infra-bootstrap, never a workload's history or lock), and nothing on Pulumi Cloud.
 * Decrypting needs no more: the deploy role already decrypts with both keys.
 */
export function bootstrapStateStatements(
  backend: StateBackendConfig,
  scope: BootstrapState,
): PolicyStatement[] {
  if (backend.bucket === undefined) return [];
  const object = (key: string) => `arn:${scope.partition}:s3:::${backend.bucket}/.pulumi/${key}`;
  const stack = `${BOOTSTRAP_PROJECT}/${scope.stack}`;
  return [
    {
      Sid: 'WriteTheBootstrapStackOfThisEnvironment',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: [
        object(`stacks/${stack}.*`),
        object(`history/${stack}/*`),
        object(`backups/${stack}/*`),
        object(`locks/organization/${stack}/*`),
      ],
    },
    ...(scope.readsClusterStacks.length === 0
      ? []
      : [
          {
            Sid: 'ReadTheWorkloadClusterStacks',
            Effect: 'Allow' as const,
            Action: 's3:GetObject',
            Resource: scope.readsClusterStacks.map((workload) =>
              object(`stacks/${PREVIEWED_PROJECT}/${workload}.*`),
            ),
          },
        ]),
  ];
}
