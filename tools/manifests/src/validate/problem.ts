import type { ManifestLocation } from '../manifest-file.js';

/** A Kubernetes object as rendered: plain JSON, loosely typed until validated. */
export interface KubeObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: {
    readonly name?: unknown;
    readonly namespace?: unknown;
    readonly labels?: Readonly<Record<string, unknown>>;
  };
  readonly [field: string]: unknown;
}

/** An object, and the file of an environment and app it lives in. */
export interface ManifestObject extends ManifestLocation {
  readonly object: KubeObject;
}

/** One thing wrong with one object: where, what, and what to change. */
export interface Problem {
  readonly file: string;
  /** `Kind/name`, or `(file)` for problems with the file itself. */
  readonly object: string;
  /** Which check found it: schema, strict-fields, pod-security, workspace, file, version. */
  readonly check: 'schema' | 'strict-fields' | 'pod-security' | 'workspace' | 'file' | 'version';
  readonly message: string;
  readonly fix: string;
}

export function objectLabel(object: KubeObject): string {
  return `${String(object.kind ?? '?')}/${String(object.metadata?.name ?? '?')}`;
}

/** Builds problems for one object with a little less repetition. */
export function problemFor(manifest: ManifestObject, check: Problem['check']) {
  return (message: string, fix: string): Problem => ({
    file: manifest.file,
    object: objectLabel(manifest.object),
    check,
    message,
    fix,
  });
}

/** `file: Kind/name: message (check) — fix: …`, one line per problem. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.object}: ${problem.message} [${problem.check}]\n    fix: ${problem.fix}`;
}
