import { SealedSecret } from '@kubernetes-models/sealed-secrets/bitnami.com/v1alpha1/SealedSecret';
import { KINDS, kindKey } from './kinds.js';
import { problemFor, type ManifestObject, type Problem } from './problem.js';
import { checkRepositoryDeclaration, isRepositoryDeclaration } from './repository-declaration.js';
import { SEALED_SECRET_KIND, sealedSecretSchema } from './sealed-secret.js';

interface AjvLikeError {
  readonly instancePath?: string;
  readonly message?: string;
  readonly params?: { readonly allowedValues?: readonly unknown[] };
}

/**
 * Validates each object against the Kubernetes API schema with kubernetes-models
 * (types, enums, formats, required fields). Unknown kinds are refused.
 */
export function checkSchema(manifest: ManifestObject): Problem[] {
  const problem = problemFor(manifest, 'schema');
  const key = kindKey(manifest.object.apiVersion, manifest.object.kind);
  if (key === SEALED_SECRET_KIND) return checkSealedSecret(manifest);
  if (isRepositoryDeclaration(manifest)) return checkRepositoryDeclaration(manifest);
  const info = KINDS[key];
  if (!info) {
    const fix =
      key === 'v1/Secret'
        ? 'never commit a plain Secret: use a SealedSecret (see the README) or an external secret store'
        : `render only the kinds listed in tools/manifests/src/validate/kinds.ts, or add '${key}' there`;
    return [problem(`kind '${key}' is not one the workspace renders`, fix)];
  }
  return modelProblems(manifest, () => new (info.model())(manifest.object as never).validate());
}

/** What a kubernetes-models validator (ajv under the hood) reports, as problems. */
function modelProblems(manifest: ManifestObject, validate: () => void): Problem[] {
  const problem = problemFor(manifest, 'schema');
  try {
    validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: readonly AjvLikeError[] }).errors;
    if (!errors) throw error;
    return errors.map((e) => {
      const allowed = e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
      return problem(
        `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${allowed}`,
        'correct the field in the workload definition so that it matches the Kubernetes API schema',
      );
    });
  }
}

/**
 * A SealedSecret, against its CRD schema as kubernetes-models generated it from the upstream
 * CRD (pinned in package.json), then against the workspace's strict schema: no field the
 * controller does not read.
 */
function checkSealedSecret(manifest: ManifestObject): Problem[] {
  const fromCrd = modelProblems(manifest, () =>
    new SealedSecret(manifest.object as never).validate(),
  );
  if (fromCrd.length > 0) return fromCrd;
  const parsed = sealedSecretSchema.safeParse(manifest.object);
  if (parsed.success) return [];
  const problem = problemFor(manifest, 'schema');
  return parsed.error.issues.map((issue) =>
    problem(
      `/${issue.path.join('/')} ${issue.message}`,
      'seal the secret again with kubeseal (see the README): do not edit a SealedSecret by hand',
    ),
  );
}
