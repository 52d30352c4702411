import {
  changeCounts,
  DELETING_OPS,
  parsePreviewDigest,
  problems,
  resourceChanges,
  type PreviewDigest,
  type ResourceChange,
} from './preview-digest.js';

/** What the preview job of infra.yml keeps for one program and stack. */
export interface StackPreviewFiles {
  readonly project: string;
  readonly stack: string;
  /** The exit code of `pulumi preview --json`. */
  readonly exitCode: number;
  /** Its stdout: the digest (empty when the CLI failed before printing it). */
  readonly json: string;
  /** Its stderr: errors, and what the CLI printed beside the digest. */
  readonly log: string;
}

export type PolicyResult =
  | { readonly status: 'passed' }
  | { readonly status: 'violated'; readonly messages: readonly string[] }
  | { readonly status: 'not-evaluated' };

export interface StackPreview {
  readonly project: string;
  readonly stack: string;
  readonly succeeded: boolean;
  /** Counts of the changing operations, e.g. `{ create: 1, replace: 2 }`. */
  readonly counts: Readonly<Record<string, number>>;
  readonly changes: readonly ResourceChange[];
  readonly policy: PolicyResult;
  /** Why it failed: the error diagnostics, else the end of the log. */
  readonly errors: readonly string[];
}

/**
 * A policy violation's line, in the log or a diagnostic: the CLI names its enforcement level,
 * `- [mandatory]  <policy>  (<resource>)` in the Policies report, `mandatory: <message>` in
 * a diagnostic.
 */
const POLICY_LINE = /^(- )?\[(mandatory|advisory|remediate)\]|^(mandatory|advisory|remediate):/i;

/**
 * Reads one stack's preview. The digest carries the operations; it omits policy events
 * (pulumi/pulumi#18851), so the policy pack's result is inferred: every preview runs the pack
 * (tools/ci/bin/pulumi-stack.sh) and a mandatory violation fails it, so a preview that succeeded
 * passed it, and a failed one whose errors name a policy violated it.
 */
export function readStackPreview(files: StackPreviewFiles): StackPreview {
  let digest: PreviewDigest | undefined;
  let parseError: string | undefined;
  try {
    digest = parsePreviewDigest(files.json, `the preview of ${files.project}/${files.stack}`);
  } catch (error) {
    parseError = (error as Error).message;
  }
  const errorDiagnostics = (digest ? problems(digest) : [])
    .filter((d) => d.severity.startsWith('error'))
    .map((d) => d.message);
  const logErrors = files.log
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^error:/i.test(line) || POLICY_LINE.test(line));
  const policyMessages = [...errorDiagnostics, ...logErrors].filter((m) => POLICY_LINE.test(m));
  const succeeded = files.exitCode === 0 && digest !== undefined;
  const errors = succeeded
    ? []
    : [
        ...new Set(
          [...errorDiagnostics, ...logErrors, ...(parseError ? [parseError] : [])].filter(Boolean),
        ),
      ];
  return {
    project: files.project,
    stack: files.stack,
    succeeded,
    counts: digest ? changeCounts(digest) : {},
    changes: digest ? resourceChanges(digest) : [],
    policy: succeeded
      ? { status: 'passed' }
      : policyMessages.length > 0
        ? { status: 'violated', messages: [...new Set(policyMessages)] }
        : { status: 'not-evaluated' },
    errors: errors.length > 0 ? errors : files.log.trim().split('\n').slice(-20).filter(Boolean),
  };
}

/** How many resources the preview replaces, and how many it deletes. */
export function riskCounts(preview: StackPreview): { replacements: number; deletions: number } {
  // The summary counts and the steps say the same; either may be all a digest has.
  const count = (ops: readonly string[]) => ops.reduce((n, op) => n + (preview.counts[op] ?? 0), 0);
  return {
    replacements: Math.max(
      count(['replace']),
      preview.changes.filter((c) => c.op === 'replace').length,
    ),
    deletions: Math.max(
      count([...DELETING_OPS]),
      preview.changes.filter((c) => DELETING_OPS.has(c.op)).length,
    ),
  };
}
