import type { StateBackendConfig } from '../config/cluster-config.js';
import type { PolicyStatement } from './policy-document.js';

/**
 * Access to a self-managed Pulumi backend in this account (an S3 bucket, an `awskms://`
 * secrets provider). `read` (previews) reads the state and only writes the stack locks;
 * `write` (deploys) writes the state. Nothing when the backend is Pulumi Cloud.
 */
export function stateBackendStatements(
  backend: StateBackendConfig,
  access: 'read' | 'write',
  partition: string,
): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  if (backend.bucket !== undefined) {
    const bucket = `arn:${partition}:s3:::${backend.bucket}`;
    statements.push(
      { Sid: 'ListTheStateBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
      {
        Sid: 'ReadTheState',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: `${bucket}/.pulumi/*`,
      },
      {
        Sid: access === 'write' ? 'WriteTheState' : 'LockTheStack',
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:DeleteObject'],
        Resource: access === 'write' ? `${bucket}/.pulumi/*` : `${bucket}/.pulumi/locks/*`,
      },
    );
  }
  if (backend.secretsKeyArn !== undefined) {
    statements.push({
      Sid: 'DecryptTheStackSecrets',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: backend.secretsKeyArn,
    });
  }
  return statements;
}
