import { scopedArn, type DeployScope } from './deploy-scope.js';
import type { PolicyStatement } from './policy-document.js';

/**
 * The actions `docker buildx build --push` needs on a repository (with provenance and SBOM
 * attestations: it reads back manifests it pushed), the check of whether an image is already
 * there, and creating the repository on an app's first push (ECR's create-on-push applies the
 * registry's template): nothing that deletes, or changes a repository's settings.
 */
export const ECR_PUSH_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:CreateRepository',
  'ecr:DescribeImages',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
];

/**
 * Pushing images: a registry login token (an account-wide call: `*` is the only resource it
 * takes) and the push actions on the repositories under the environment's prefix, existing or
 * not yet (`<prefix>/*`), and nowhere else.
 */
export function ecrPushStatements(
  scope: Pick<DeployScope, 'partition' | 'region' | 'accountId'>,
  repositoryPrefix: string,
): PolicyStatement[] {
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
      Resource: scopedArn(scope, 'ecr', `repository/${repositoryPrefix}/*`),
    },
  ];
}
