/**
 * The last day of Amazon EKS standard support of each Kubernetes version (UTC), from "Amazon EKS
 * Kubernetes release calendar" in https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
 * (read 2026-12-02: 1.29–1.34 from the page's source, awsdocs/amazon-eks-user-guide
 * latest/ug/versioning/kubernetes-versions.adoc; 1.35, released on EKS on 2026-01-27, from the
 * page as mirrored by endoflife.date/amazon-eks, 14 months after release as the page states).
 * After this date a version is in extended support (12 more months, at an extra cost per
 * cluster hour). Add each new version when EKS publishes its date.
 */
export const EKS_STANDARD_SUPPORT_END: Readonly<Record<string, string>> = {
  '1.29': '2025-03-23',
  '1.30': '2025-07-23',
  '1.31': '2025-11-26',
  '1.32': '2026-03-23',
  '1.33': '2026-07-29',
  '1.34': '2026-12-02',
  '1.35': '2027-03-27',
};

/** How close to the end of standard support `validate` starts warning. */
export const EKS_WARNING_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from `today` (UTC midnight) to the end of standard support; undefined when not dated. */
export function daysOfStandardSupportLeft(version: string, today: Date): number | undefined {
  const end = EKS_STANDARD_SUPPORT_END[version];
  if (end === undefined) return undefined;
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${end}T00:00:00Z`) - midnight) / DAY_MS);
}
