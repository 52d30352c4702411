/**
 * An OCI image reference that is safe to deploy: it names one immutable image,
 * by tag (`repository:tag`) or by digest (`repository@sha256:<hex>`).
 *
 * Grammar from the OCI distribution spec and the reference implementation
 * (github.com/distribution/reference): a repository is an optional registry
 * host[:port] followed by slash-separated lowercase path components.
 */
export interface ImageReference {
  /** Registry host and repository path, e.g. `111122223333.dkr.ecr.eu-west-1.amazonaws.com/demo-service`. */
  readonly repository: string;
  /** The tag, when the reference is `repository:tag`. */
  readonly tag?: string;
  /** The digest (`sha256:<64 hex>`), when the reference is `repository@digest`. */
  readonly digest?: string;
}

/** Thrown for a reference that does not name exactly one immutable image. */
export class InvalidImageReferenceError extends Error {
  constructor(
    readonly reference: string,
    readonly reason: string,
  ) {
    super(`invalid image reference '${reference}': ${reason}`);
    this.name = 'InvalidImageReferenceError';
  }
}

const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const MAX_REPOSITORY_LENGTH = 255;

/** Tags that always move, so a manifest pinned to them is not reproducible. */
const MUTABLE_TAGS = new Set(['latest']);

/** Returns why `tag` cannot be deployed, or undefined when it can. */
export function tagProblem(tag: string): string | undefined {
  if (tag === '') return 'the tag is empty';
  if (!TAG_PATTERN.test(tag)) {
    return `tag '${tag}' is not a valid OCI tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127})`;
  }
  if (MUTABLE_TAGS.has(tag.toLowerCase())) {
    return `tag '${tag}' is mutable; pin an immutable tag (such as the git SHA) or a digest`;
  }
  return undefined;
}

/** Returns why `digest` is malformed, or undefined when it is a sha256 digest. */
export function digestProblem(digest: string): string | undefined {
  return DIGEST_PATTERN.test(digest)
    ? undefined
    : `digest '${digest}' is not of the form sha256:<64 lowercase hex characters>`;
}

/** Returns why `repository` is malformed, or undefined when it is valid. */
export function repositoryProblem(repository: string): string | undefined {
  if (repository === '') return 'the repository is empty';
  if (repository.length > MAX_REPOSITORY_LENGTH) {
    return `the repository is longer than ${MAX_REPOSITORY_LENGTH} characters`;
  }
  const parts = repository.split('/');
  const first = parts[0] ?? '';
  // The first part is a registry host when it looks like one (docker's rule).
  const hasHost =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost && !isHost(first)) return `registry host '${first}' is malformed`;
  for (const component of hasHost ? parts.slice(1) : parts) {
    if (!PATH_COMPONENT.test(component)) {
      return `repository path component '${component}' must be lowercase letters, digits and single separators (. _ __ -)`;
    }
  }
  return undefined;
}

function isHost(host: string): boolean {
  const [name = '', port, ...rest] = host.split(':');
  if (rest.length > 0) return false;
  if (port !== undefined && !/^[0-9]{1,5}$/.test(port)) return false;
  return name.split('.').every((label) => DOMAIN_COMPONENT.test(label));
}

/**
 * Parses `repository:tag` or `repository@sha256:<hex>`. Throws
 * {@link InvalidImageReferenceError} naming the problem for anything else,
 * including a missing tag, `latest`, or a tag and a digest together.
 */
export function parseImageReference(reference: string): ImageReference {
  const fail = (reason: string): never => {
    throw new InvalidImageReferenceError(reference, reason);
  };
  if (reference.trim() !== reference) fail('it has leading or trailing whitespace');
  if (reference === '') fail('it is empty');

  const at = reference.indexOf('@');
  if (at >= 0) {
    const repository = reference.slice(0, at);
    const digest = reference.slice(at + 1);
    if (lastColonAfterSlash(repository) >= 0) {
      fail('give a tag or a digest, not both');
    }
    return checkImageReference({ repository, digest }, reference);
  }

  const colon = lastColonAfterSlash(reference);
  if (colon < 0) fail('it has no tag; use repository:tag or repository@sha256:<digest>');
  const repository = reference.slice(0, colon);
  const tag = reference.slice(colon + 1);
  return checkImageReference({ repository, tag }, reference);
}

/**
 * Checks a reference that is already parsed (the render hands charts the catalog's object, so
 * nothing prints and parses it again): one repository and exactly one of a deployable tag or a
 * sha256 digest. Throws {@link InvalidImageReferenceError} naming the problem.
 */
export function checkImageReference(
  image: ImageReference,
  reference = formatImageReference(image),
): ImageReference {
  const { repository, tag, digest } = image;
  if (tag !== undefined && digest !== undefined) {
    throw new InvalidImageReferenceError(reference, 'give a tag or a digest, not both');
  }
  const problem =
    repositoryProblem(repository) ??
    (digest !== undefined ? digestProblem(digest) : tagProblem(tag ?? ''));
  if (problem) throw new InvalidImageReferenceError(reference, problem);
  return image;
}

/** The reference as an object: text is parsed, an object is checked; either way, once. */
export function imageReferenceOf(image: string | ImageReference): ImageReference {
  return typeof image === 'string' ? parseImageReference(image) : checkImageReference(image);
}

/** The index of the tag separator: a colon after the last slash (a host port is not a tag). */
function lastColonAfterSlash(value: string): number {
  const colon = value.lastIndexOf(':');
  return colon > value.lastIndexOf('/') ? colon : -1;
}

/** Formats a reference back to its canonical string. */
export function formatImageReference(image: ImageReference): string {
  return image.digest
    ? `${image.repository}@${image.digest}`
    : `${image.repository}:${image.tag ?? ''}`;
}

/** A short, label-safe version for `app.kubernetes.io/version`: the tag, or the digest's first 12 hex characters. */
export function imageVersion(image: ImageReference): string {
  if (image.digest) return image.digest.slice('sha256:'.length, 'sha256:'.length + 12);
  // Label values must start and end with an alphanumeric character.
  return (image.tag ?? '').slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
