/** A name a container's environment variable may have (POSIX: letters, digits, '_'). */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An absolute directory other than `/`, without `..` or a trailing `/`: a mount path. */
export function isDirectory(path: string): boolean {
  return path.startsWith('/') && path !== '/' && !path.includes('..') && !path.endsWith('/');
}
