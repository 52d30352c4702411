/** Where Flux runs, and what infra/bootstrap creates there for git to build on. */
export const FLUX_NAMESPACE = 'flux-system';

/** The GitRepository (infra/bootstrap's) every Kustomization of the workspace builds from. */
export const FLUX_GIT_REPOSITORY = 'platform';

/** The root Kustomization (infra/bootstrap's): `_platform/<aws|local>/`. */
export const FLUX_ROOT_KUSTOMIZATION = 'platform';

/** The Kustomization of the add-ons (sources, HelmReleases, their namespaces), waited on. */
export const FLUX_ADDONS_KUSTOMIZATION = 'platform-addons';

/** The Kustomization of what the add-ons serve (GatewayClass, issuer, certificate, Gateway). */
export const FLUX_CONFIG_KUSTOMIZATION = 'platform-config';

/**
 * `_platform/sync/`: the apps' Kustomizations and the notifications, the shared part of each
 * cluster kind's root (kustomize refuses a base that contains the directory it builds, so the
 * shared files cannot sit in `_platform/` itself).
 */
export const FLUX_SYNC_DIRECTORY = 'sync';

/** `_platform/addons/` and `_platform/config/`: the shared part of each; the per-kind ones add theirs. */
export const FLUX_ADDONS_DIRECTORY = 'addons';
export const FLUX_CONFIG_DIRECTORY = 'config';

/** The Secret (infra/bootstrap's, from a stack secret) with the token Flux reports commit statuses with. */
export const FLUX_COMMIT_STATUS_SECRET = 'flux-commit-status';
