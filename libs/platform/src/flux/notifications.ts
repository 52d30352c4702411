import type { IAlert } from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Alert';
import type { IProvider } from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Provider';
import { FLUX_COMMIT_STATUS_SECRET } from './flux-layout.js';
import { fluxMetadata } from './flux-metadata.js';

/** The Git hosts whose commit statuses Flux can set, by the Provider type that sets them. */
const COMMIT_STATUS_PROVIDERS: Readonly<Record<string, 'github' | 'gitlab'>> = {
  'github.com': 'github',
  'gitlab.com': 'gitlab',
};

/**
 * The repository's web address (`https://<host>/<path>`, no `.git`) from its clone URL: ssh
 * (`git@host:path`, `ssh://git@host/path`) or https. Undefined when it is neither.
 */
export function repositoryWebAddress(url: string): { host: string; address: string } | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(url);
  if (scp) return { host: scp[1]!, address: `https://${scp[1]}/${scp[2]}` };
  try {
    const parsed = new URL(url);
    if (!['ssh:', 'https:'].includes(parsed.protocol)) return undefined;
    const path = parsed.pathname.replace(/^\/+/, '').replace(/(?:\.git)?\/?$/, '');
    return { host: parsed.hostname, address: `https://${parsed.hostname}/${path}` };
  } catch {
    return undefined;
  }
}

/**
 * The sync result of every Kustomization, as a commit status on the commit it applied: a
 * Provider of the repository's host (GitHub or GitLab) with the token infra/bootstrap puts in
 * `flux-commit-status`, and an Alert for all of flux-system's Kustomizations. None for a host
 * that has no commit-status Provider.
 */
export function commitStatusNotifications(repositoryUrl: string): (IProvider | IAlert)[] {
  const web = repositoryWebAddress(repositoryUrl);
  const type = web ? COMMIT_STATUS_PROVIDERS[web.host] : undefined;
  if (!web || !type) return [];
  return [
    {
      apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
      kind: 'Provider',
      metadata: fluxMetadata('commit-status'),
      spec: { type, address: web.address, secretRef: { name: FLUX_COMMIT_STATUS_SECRET } },
    } satisfies IProvider,
    {
      apiVersion: 'notification.toolkit.fluxcd.io/v1beta3',
      kind: 'Alert',
      metadata: fluxMetadata('commit-status'),
      spec: {
        providerRef: { name: 'commit-status' },
        eventSeverity: 'info',
        eventSources: [{ kind: 'Kustomization', name: '*' }],
      },
    } satisfies IAlert,
  ];
}
