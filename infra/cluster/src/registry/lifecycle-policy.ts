/**
 * An ECR lifecycle policy that keeps the newest `count` images of a repository, tagged or
 * not, and expires the rest. Images a running deployment uses are among the newest as long as
 * `count` covers the releases between promotions.
 */
export function keepLastImagesPolicy(count: number): string {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`keepLastImagesPolicy: count ${count} is not a positive integer`);
  }
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Keep the last ${count} images`,
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: count },
        action: { type: 'expire' },
      },
    ],
  });
}
