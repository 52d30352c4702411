import type { GitlabConfig } from '../config/cluster-config.js';
import type { CiIssuer, CiSubjects } from './trust-policy.js';

/** GitLab signs a job's ID tokens as its instance: the issuer is `https://<host>`. */
export function gitlabIssuer(host: string): CiIssuer {
  return {
    host,
    statementIds: { exact: 'GitlabPipelinesOfThisProject', patterns: 'BranchesOfThisProject' },
  };
}

/**
 * The `sub` claims each CI role trusts, in GitLab's format
 * `project_path:<group>/<project>:ref_type:<branch|tag>:ref:<name>` (the project's default
 * sub claim components, `project_path`, `ref_type`, `ref`):
 * - deploy and push: `…:ref_type:branch:ref:<branch>`, jobs on the protected deploy branch.
 *   GitLab's subject carries no environment (its components can only be the project path, the
 *   ref type and the ref), and IAM conditions a GitLab token on `sub` and `aud` only, so unlike
 *   GitHub's these two roles trust the same subject: every job on the branch. The protected
 *   environments (who may run their jobs, approvals) and their scoped CI/CD variables (the
 *   Pulumi deploy credentials) are what keep `pulumi up` to the environment jobs (README).
 * - preview: the branch and, when enabled, `…:ref_type:branch:ref:*`: a merge-request
 *   pipeline presents its source branch (`ref_type:branch:ref:<source branch>`, its
 *   `project_path` the source project's, so a fork's never matches), which IAM cannot tell from
 *   a branch pipeline. The `*` stands for a branch name (git refs hold no `:`); tags never match.
 */
export function gitlabSubjects(gitlab: GitlabConfig): CiSubjects {
  const project = `project_path:${gitlab.project}`;
  const branch = `${project}:ref_type:branch:ref:${gitlab.branch}`;
  return {
    deploy: { exact: [branch], patterns: [] },
    push: { exact: [branch], patterns: [] },
    preview: {
      exact: [branch],
      patterns: gitlab.mergeRequests ? [`${project}:ref_type:branch:ref:*`] : [],
    },
  };
}
