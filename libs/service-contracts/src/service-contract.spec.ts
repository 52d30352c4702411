import { describe, expect, it } from 'vitest';
import { platformServiceContract } from './platform-contract.js';
import { defineServiceContract } from './service-contract.js';

describe('defineServiceContract', () => {
  it('returns a frozen copy, so no importer can change what the other side reads', () => {
    const contract = defineServiceContract({ ...platformServiceContract, writablePaths: ['/tmp'] });
    expect(Object.isFrozen(contract)).toBe(true);
    expect(Object.isFrozen(contract.writablePaths)).toBe(true);
    expect(() => (contract.writablePaths as string[]).push('/var')).toThrow(TypeError);
  });
});

describe('platformServiceContract', () => {
  it('promises an unprivileged port, a non-root user and a writable /tmp', () => {
    expect(platformServiceContract.port).toBeGreaterThanOrEqual(1024);
    expect(platformServiceContract.runAsUser).toBeGreaterThan(0);
    expect(platformServiceContract.writablePaths).toContain('/tmp');
    expect(platformServiceContract.livenessPath).not.toBe(platformServiceContract.readinessPath);
  });
});
