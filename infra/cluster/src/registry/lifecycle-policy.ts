/**
 * The tag prefix of images an environment runs or may roll back to, other than the one they are
 * built for: `keep-<environment>-<digest>`, added by the protect-images workflow when a
 * promotion (or rollback) to that environment lands on main. They never expire.
 */
export const PROTECTED_TAG_PREFIX = 'keep-';
/**
 * ECR has no "retain" action: a first rule that selects the protected images, with a count no
 * repository reaches, keeps every lower rule from expiring them (an image a rule selects by its
 * tags cannot be expired by a rule of lower priority).
 */
export const PROTECTED_IMAGES_CEILING = 9999;

/**
 * An ECR lifecycle policy that never expires protected images (PROTECTED_TAG_PREFIX) and keeps
 * the newest `count` other tagged images (one per release: CI tags each with its git SHA), the
 * window staging can roll back in. Untagged manifests are not counted: each push with provenance
 * and an SBOM adds some.
 */
export function keepLastImagesPolicy(count: number): string {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`keepLastImagesPolicy: count ${count} is not a positive integer`);
  }
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Never expire images an environment runs or may roll back to (${PROTECTED_TAG_PREFIX}*)`,
        selection: {
          tagStatus: 'tagged',
          tagPrefixList: [PROTECTED_TAG_PREFIX],
          countType: 'imageCountMoreThan',
          countNumber: PROTECTED_IMAGES_CEILING,
        },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: `Keep the last ${count} tagged images`,
        selection: {
          tagStatus: 'tagged',
          tagPatternList: ['*'],
          countType: 'imageCountMoreThan',
          countNumber: count,
        },
        action: { type: 'expire' },
      },
    ],
  });
}

/** A repository policy letting other accounts pull (never push): what their nodes need. */
export function crossAccountPullPolicy(accountIds: readonly string[], partition: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PullFromOtherAccounts',
        Effect: 'Allow',
        Principal: { AWS: accountIds.map((id) => `arn:${partition}:iam::${id}:root`) },
        Action: [
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
          'ecr:BatchCheckLayerAvailability',
        ],
      },
    ],
  });
}
