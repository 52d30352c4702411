import type { ResourceValidationPolicy } from '@pulumi/policy';
import { jsonOf, listOf, objectOf } from './props.js';

/** Symmetric KMS keys rotate their key material every year (or sooner). */
export const kmsKeyRotation: ResourceValidationPolicy = {
  name: 'kms-key-rotation',
  description: 'Symmetric KMS keys must have automatic key rotation enabled.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== 'aws:kms/key:Key') return;
    const spec = (args.props['customerMasterKeySpec'] ??
      args.props['keySpec'] ??
      'SYMMETRIC_DEFAULT') as string;
    if (spec !== 'SYMMETRIC_DEFAULT') return; // Asymmetric and HMAC keys cannot rotate.
    if (args.props['enableKeyRotation'] !== true) reportViolation('enableKeyRotation is not true.');
  },
};

const GITHUB = 'token.actions.githubusercontent.com';
/**
 * The one pattern allowed: any pull request of one repository (the read-only preview role), its
 * `*` standing for the pull request's number in the subject GitHub builds from repo, context, ref.
 */
const PULL_REQUEST_SUBJECTS = /^repo:[^*?:]+:pull_request:ref:refs\/pull\/\*\/merge$/;

/**
 * A role GitHub Actions assumes names its audience and its exact subjects: a wildcard, or no
 * subject at all, lets other repositories, branches or forks in.
 */
export const githubTrustExactSubjects: ResourceValidationPolicy = {
  name: 'github-trust-exact-subjects',
  description: `Roles trusting ${GITHUB} must require aud = sts.amazonaws.com and list exact sub claims of one repository, without wildcards (but the number of a pull request).`,
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== 'aws:iam/role:Role') return;
    const statements = listOf(objectOf(jsonOf(args.props['assumeRolePolicy']))['Statement']).map(
      objectOf,
    );
    for (const statement of statements) {
      const federated = listOf(
        objectOf(statement['Principal'])['Federated'] as string | string[] | undefined,
      );
      if (
        statement['Effect'] !== 'Allow' ||
        !federated.some((arn) => arn.endsWith(`oidc-provider/${GITHUB}`))
      ) {
        continue;
      }
      const condition = objectOf(statement['Condition']);
      const audiences = listOf(
        objectOf(condition['StringEquals'])[`${GITHUB}:aud`] as string | string[] | undefined,
      );
      if (audiences.length !== 1 || audiences[0] !== 'sts.amazonaws.com') {
        reportViolation(
          `The trust policy must require StringEquals ${GITHUB}:aud = sts.amazonaws.com.`,
        );
      }
      const subjects = Object.values(condition).flatMap((operator) =>
        listOf(objectOf(operator)[`${GITHUB}:sub`] as string | string[] | undefined),
      );
      if (subjects.length === 0) {
        reportViolation(
          `The trust policy does not restrict ${GITHUB}:sub: any repository could assume this role.`,
        );
      }
      const loose = subjects.filter(
        (subject) =>
          !subject.startsWith('repo:') ||
          (/[*?]/.test(subject) && !PULL_REQUEST_SUBJECTS.test(subject)),
      );
      if (loose.length > 0) {
        reportViolation(
          `The trust policy's sub claims must be exact (repo:<owner>/<repo>:…): ${loose.join(', ')}.`,
        );
      }
    }
  },
};

/** Every taggable AWS resource carries the platform's tags (the provider's default tags). */
export const platformTags: ResourceValidationPolicy = {
  name: 'platform-tags',
  description: 'Taggable AWS resources must carry the environment, project and managed-by tags.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const tagsAll = args.props['tagsAll'];
    if (!args.type.startsWith('aws:') || tagsAll === undefined) return;
    const missing = ['environment', 'project', 'managed-by'].filter(
      (key) => !objectOf(tagsAll)[key],
    );
    if (missing.length > 0) {
      reportViolation(
        `Missing tags: ${missing.join(', ')} (set them as the provider's defaultTags).`,
      );
    }
  },
};
