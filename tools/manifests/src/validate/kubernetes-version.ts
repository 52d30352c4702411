/** The minor number of a `1.<minor>` Kubernetes version, or undefined for anything else. */
export function minorOf(version: string): number | undefined {
  const match = /^1\.(\d+)$/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** Orders two `1.<minor>` versions: negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  return (minorOf(a) ?? Number.NaN) - (minorOf(b) ?? Number.NaN);
}
