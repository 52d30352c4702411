/** How Argo CD reaches the repository: decides which credentials can work. */
export type RepoTransport = 'https' | 'ssh';

export interface RepoUrl {
  /** The URL exactly as configured: Argo CD matches credentials and sources by it. */
  readonly url: string;
  readonly transport: RepoTransport;
  readonly host: string;
}

const SCP_LIKE = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!\/)(\S+\/\S+)$/;
const SEGMENTS = /^\/?[^/\s]+\/[^\s]*[^/\s]\/?$/;

/**
 * Parses a git repository URL that Argo CD can clone: `https://host/org/repo(.git)`,
 * `git@host:org/repo.git` or `ssh://git@host[:port]/org/repo.git`. Returns a reason instead when
 * it is neither, or when it carries credentials (a token belongs in a Secret, never in a URL).
 */
export function parseRepoUrl(url: string): RepoUrl | { readonly problem: string } {
  const scp = SCP_LIKE.exec(url);
  if (scp?.[1]) return { url, transport: 'ssh', host: scp[1] };

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: NEITHER };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'ssh:') return { problem: NEITHER };
  if (parsed.password !== '' || (parsed.protocol === 'https:' && parsed.username !== '')) {
    return { problem: 'carries credentials: put them in a Pulumi secret, never in the URL' };
  }
  if (parsed.hostname === '' || !SEGMENTS.test(parsed.pathname) || parsed.search || parsed.hash) {
    return { problem: 'has no <org>/<repo> path' };
  }
  return { url, transport: parsed.protocol === 'https:' ? 'https' : 'ssh', host: parsed.hostname };
}

/**
 * The same repository's URL with an scp-like address (`git@host:org/repo.git`) written as a
 * URL (`ssh://git@host/org/repo.git`), for a client that takes only URLs (Flux); any other
 * URL as it is.
 */
export function asUrl(url: string): string {
  const scp = SCP_LIKE.exec(url);
  return scp ? `ssh://${url.replace(':', '/')}` : url;
}

const NEITHER =
  'is neither https (https://github.com/org/repo.git) nor ssh (git@github.com:org/repo.git, ssh://git@github.com/org/repo.git)';
