import type { PolicyStatement } from './policy-document.js';

/** The actions `docker push` needs on a repository, and nothing that reads or deletes. */
export const ECR_PUSH_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:InitiateLayerUpload',
  'ecr:UploadLayerPart',
  'ecr:CompleteLayerUpload',
  'ecr:PutImage',
];

/**
 * Pushing images: a registry login token (an account-wide call: `*` is the only resource it
 * takes) and the push actions on the apps' repositories only.
 */
export function ecrPushStatements(repositoryArns: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'LogInToTheRegistry',
      Effect: 'Allow',
      Action: 'ecr:GetAuthorizationToken',
      Resource: '*',
    },
    {
      Sid: 'PushToTheAppRepositories',
      Effect: 'Allow',
      Action: ECR_PUSH_ACTIONS,
      Resource: [...repositoryArns],
    },
  ];
}
