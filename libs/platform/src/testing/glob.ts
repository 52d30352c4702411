/**
 * A glob with `*` as its only wildcard, as the two Argo CD models here need it: Go's
 * `path.Match` (`*` never spans `/`: the git directory generator) or a glob without separators
 * (`*` spans anything: AppProject destinations).
 */
export function globMatches(
  pattern: string,
  value: string,
  star: 'within-segment' | 'anything',
): boolean {
  const regex = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join(star === 'within-segment' ? '[^/]*' : '.*');
  return new RegExp(`^${regex}$`).test(value);
}
