/** The git repository Argo CD deploys from: the one every environment's objects point at. */
export interface WorkspaceRepository {
  /**
   * The clone URL, exactly as Argo CD's repository Secret (infra/bootstrap) names it: Argo CD
   * matches credentials to an Application's `repoURL` by this text, so its https or ssh form
   * must be the one the bootstrap stacks use.
   */
  readonly url: string;
  /** The branch, tag or commit every Application follows. */
  readonly revision: string;
}

/**
 * This workspace's repository: what the objects in `manifests/<env>/_platform/` (AppProjects,
 * the apps' ApplicationSet) carry, since git cannot read a Pulumi stack's config.
 * `npx nx g @platform/workspace-plugin:init` writes it.
 */
export const workspaceRepository: WorkspaceRepository = {
  url: 'https://github.com/example-org/gitops-platform.git',
  revision: 'main',
};
