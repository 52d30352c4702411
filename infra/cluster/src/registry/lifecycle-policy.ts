/**
 * An ECR lifecycle policy that keeps the newest `count` tagged images (one per release: CI
 * tags each with its git SHA) and expires older ones. Untagged manifests are not counted:
 * each push with provenance and an SBOM adds some, and counting them would push a release
 * that production still runs, or a rollback target, out of the window.
 */
export function keepLastImagesPolicy(count: number): string {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`keepLastImagesPolicy: count ${count} is not a positive integer`);
  }
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
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
export function crossAccountPullPolicy(accountIds: readonly string[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PullFromOtherAccounts',
        Effect: 'Allow',
        Principal: { AWS: accountIds.map((id) => `arn:aws:iam::${id}:root`) },
        Action: [
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
          'ecr:BatchCheckLayerAvailability',
        ],
      },
    ],
  });
}
