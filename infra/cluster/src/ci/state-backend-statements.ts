import type { StateBackendConfig } from '../config/cluster-config.js';
import type { PolicyStatement } from './policy-document.js';

/** The Pulumi project whose stacks the read-only preview role may read. */
export const PREVIEWED_PROJECT = 'infra-cluster';

export interface StateScope {
  readonly partition: string;
  /**
   * The stack name of this environment in every program (`staging`, `production`), or of a
   * listed cluster (its `stack`).
   */
  readonly environment: string;
  /** infra-cluster stacks this one reads through a StackReference (a workload's hub). @default none */
  readonly referencedStacks?: readonly string[];
}

/**
 * Access to a self-managed Pulumi backend in this account (an S3 bucket with Pulumi's
 * project layout, `awskms://` secrets providers), one environment's stacks only:
 * - `preview` (pull requests, drift checks): reads `.pulumi/meta.yaml` and infra-cluster's
 *   stack file of this environment, and nothing else: not infra-bootstrap's state, not another
 *   environment's, not the history or backups; writes nothing (a preview takes no lock);
 *   decrypts with infra-cluster's key only, never infra-bootstrap's.
 * - `deploy` (`pulumi up` of both programs): reads and writes this environment's stacks, their
 *   history, backups and locks; decrypts with both keys.
 * Both also read (never write) the infra-cluster stack files of `referencedStacks`: a workload
 * cluster's stack reads its hub's outputs. (A hub's deploy role also reaches infra/bootstrap's
 * stack of its environment: bootstrapStateStatements.)
 * Nothing when the backend is Pulumi Cloud (its tokens decide; README, "What a pull request can read").
 */
export function stateBackendStatements(
  backend: StateBackendConfig,
  access: 'preview' | 'deploy',
  scope: StateScope,
): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const env = scope.environment;
  const referenced = scope.referencedStacks ?? [];
  if (backend.bucket !== undefined) {
    const bucket = `arn:${scope.partition}:s3:::${backend.bucket}`;
    const object = (key: string) => `${bucket}/.pulumi/${key}`;
    const referencedFiles = referenced.map((stack) => `stacks/${PREVIEWED_PROJECT}/${stack}.*`);
    if (access === 'preview') {
      statements.push(
        {
          Sid: 'FindTheClusterStack',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: bucket,
          Condition: {
            StringLike: {
              's3:prefix': [
                '.pulumi/stacks/',
                `.pulumi/stacks/${PREVIEWED_PROJECT}/${env}.*`,
                ...referencedFiles.map((file) => `.pulumi/${file}`),
              ],
            },
          },
        },
        {
          Sid: 'ReadTheClusterStack',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: [
            object('meta.yaml'),
            object(`stacks/${PREVIEWED_PROJECT}/${env}.*`),
            ...referencedFiles.map(object),
          ],
        },
      );
    } else {
      statements.push(
        { Sid: 'ListTheState', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
        {
          Sid: 'WriteTheStacksOfThisEnvironment',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          Resource: [
            object('meta.yaml'),
            object(`stacks/*/${env}.*`),
            object(`history/*/${env}/*`),
            object(`backups/*/${env}/*`),
            object(`locks/organization/*/${env}/*`),
          ],
        },
        ...(referencedFiles.length === 0
          ? []
          : [
              {
                Sid: 'ReadTheReferencedStacks',
                Effect: 'Allow' as const,
                Action: 's3:GetObject',
                Resource: referencedFiles.map(object),
              },
            ]),
      );
    }
  }
  const keys = [
    backend.secretsKeyArn,
    ...(access === 'deploy' ? [backend.bootstrapSecretsKeyArn] : []),
  ].filter((arn): arn is string => arn !== undefined);
  if (keys.length > 0) {
    statements.push({
      Sid: access === 'deploy' ? 'DecryptTheStackSecrets' : 'DecryptTheClusterStackSecrets',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: keys,
    });
  }
  return statements;
}
