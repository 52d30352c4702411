import {
  PLATFORM_DIRECTORY,
  REPOSITORY_DECLARATION_KEYS,
  REPOSITORY_SECRET_LABEL,
} from '@platform/platform';
import { Secret } from 'kubernetes-models/v1/Secret';
import { problemFor, type ManifestObject, type Problem } from './problem.js';

const ALLOWED = new Set<string>(REPOSITORY_DECLARATION_KEYS);

/**
 * The one plain Secret git may hold: the platform layer's declaration of a public Helm
 * repository for Argo CD (`argocd.argoproj.io/secret-type: repository`), which names a URL and
 * carries no credential. Anything else in it (a password, a key, `data`) is refused.
 */
export function isRepositoryDeclaration(manifest: ManifestObject): boolean {
  return (
    manifest.app === PLATFORM_DIRECTORY &&
    manifest.object.apiVersion === 'v1' &&
    manifest.object.kind === 'Secret' &&
    manifest.object.metadata?.labels?.[REPOSITORY_SECRET_LABEL] === 'repository'
  );
}

export function checkRepositoryDeclaration(manifest: ManifestObject): Problem[] {
  const problem = problemFor(manifest, 'schema');
  const fix =
    'a repository declaration names a public repository only: credentials stay in infra/bootstrap';
  try {
    new Secret(manifest.object as never).validate();
  } catch (error) {
    return [problem(`is not a valid Secret: ${(error as Error).message}`, fix)];
  }
  const object = manifest.object as { data?: unknown; stringData?: Record<string, unknown> };
  const problems: Problem[] = [];
  if (object.data !== undefined) problems.push(problem('has data', fix));
  for (const key of Object.keys(object.stringData ?? {}))
    if (!ALLOWED.has(key))
      problems.push(
        problem(`holds key '${key}' (allowed: ${REPOSITORY_DECLARATION_KEYS.join(', ')})`, fix),
      );
  return problems;
}
