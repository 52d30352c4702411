import { expect } from 'vitest';

/** What every workload of the library promises its pod: Pod Security "restricted" and more. */
export function expectRestrictedPod(spec: Record<string, any>): void {
  expect(spec.securityContext).toMatchObject({
    runAsNonRoot: true,
    runAsUser: 10001,
    fsGroup: 10001,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(spec.automountServiceAccountToken).toBe(false);
  expect(spec.enableServiceLinks).toBe(false);
  for (const container of spec.containers) {
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsGroup: 10001,
      runAsNonRoot: true,
      runAsUser: 10001,
    });
    expect(container.resources.limits).toBeDefined();
    expect(container.resources.requests).toBeDefined();
  }
}
