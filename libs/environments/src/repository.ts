/** The git repository Argo CD deploys from: the one every environment's objects point at. */
export interface WorkspaceRepository {
  /**
   * The clone URL, exactly as Argo CD's repository Secret (infra/bootstrap) names it: Argo CD
   * matches credentials to an Application's `repoURL` by this text, so infra/bootstrap reads it
   * from here (never from a stack key). Its form must suit the stacks' `repoAccess`: ssh
   * (`git@host:org/repo.git`) for a deploy key, https for `public` or `github-app`.
   */
  readonly url: string;
  /** The branch, tag or commit every Application follows. */
  readonly revision: string;
}

/**
 * This workspace's repository, the one declaration of it: the objects in
 * `manifests/<env>/_platform/` (AppProjects, the apps' ApplicationSet) carry it, since git
 * cannot read a Pulumi stack's config, and infra/bootstrap gives the same URL and revision to
 * the repository Secret and the root Application. The template's stacks use a read-only deploy
 * key, so the URL is ssh. `npx nx g @platform/workspace-plugin:init` writes it; the kind e2e
 * points it at the branch under test.
 */
export const workspaceRepository: WorkspaceRepository = {
  url: 'git@github.com:example-org/gitops-platform.git',
  revision: 'main',
};
