import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { argoDrift, fluxDrift, isMissingResourceType } from './gitops-drift.js';

const list = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'));

describe('argoDrift (kubectl get applications.argoproj.io -A -o json)', () => {
  it('healthy: Synced and Healthy, or Progressing on its way, is no drift', () => {
    expect(argoDrift(list('argo-healthy'))).toEqual([]);
  });

  it('out of sync, degraded, missing, failed operation: each Application and why', () => {
    expect(argoDrift(list('argo-drifted'))).toEqual([
      {
        engine: 'Argo CD',
        kind: 'Application',
        namespace: 'argocd',
        name: 'staging-orders',
        problems: ['OutOfSync', 'Deployment orders/orders: OutOfSync'],
      },
      {
        engine: 'Argo CD',
        kind: 'Application',
        namespace: 'argocd',
        name: 'staging-billing',
        problems: [
          'Degraded: Deployment "billing" exceeded its progress deadline',
          'Deployment billing/billing: Degraded',
        ],
      },
      {
        engine: 'Argo CD',
        kind: 'Application',
        namespace: 'argocd',
        name: 'cert-manager',
        problems: [
          'OutOfSync',
          'Missing',
          'last sync Failed: one or more objects failed to apply, reason: admission webhook "webhook.cert-manager.io" denied the request',
          'SyncError: Failed sync attempt to 1.19.1: one or more objects failed to apply',
        ],
      },
    ]);
  });

  it('refuses what is not a kubectl list, naming it', () => {
    expect(() => argoDrift({ kind: 'Application' }, 'applications.json')).toThrow(
      'applications.json is not a Kubernetes list',
    );
  });
});

describe('fluxDrift (kubectl get kustomizations…,helmreleases… -A -o json)', () => {
  it('healthy: Ready=True, or Ready=Unknown while reconciling, is no drift', () => {
    expect(fluxDrift(list('flux-healthy'))).toEqual([]);
  });

  it('Ready=False and Stalled: each object and its reason', () => {
    expect(fluxDrift(list('flux-failing'))).toEqual([
      {
        engine: 'Flux',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'apps',
        problems: [
          'Ready=False (ReconciliationFailed): Deployment/orders/orders dry-run failed: spec.template.spec.containers[0].image: Required value',
        ],
      },
      {
        engine: 'Flux',
        kind: 'HelmRelease',
        namespace: 'monitoring',
        name: 'monitoring',
        problems: [
          'Ready=False (UpgradeFailed): Helm upgrade failed for release monitoring/monitoring with chart kube-prometheus-stack@79.0.0: timed out waiting for the condition',
          'Stalled (RetriesExceeded): Failed to upgrade after 3 attempt(s)',
        ],
      },
    ]);
  });

  it('tells a cluster without Flux from a failed read', () => {
    expect(
      isMissingResourceType('error: the server doesn\'t have a resource type "kustomizations"'),
    ).toBe(true);
    expect(
      isMissingResourceType(
        'Error from server (Forbidden): kustomizations.kustomize.toolkit.fluxcd.io is forbidden',
      ),
    ).toBe(false);
  });
});
