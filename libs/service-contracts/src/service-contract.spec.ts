import { describe, expect, it } from 'vitest';
import { demoServiceContract } from './demo-service.js';
import { defineServiceContract } from './service-contract.js';

describe('defineServiceContract', () => {
  it('returns a frozen copy, so no importer can change what the other side reads', () => {
    const contract = defineServiceContract({ ...demoServiceContract, writablePaths: ['/tmp'] });
    expect(Object.isFrozen(contract)).toBe(true);
    expect(Object.isFrozen(contract.writablePaths)).toBe(true);
    expect(() => (contract.writablePaths as string[]).push('/var')).toThrow(TypeError);
  });
});

describe('demoServiceContract', () => {
  it('promises an unprivileged port, a non-root user and a writable /tmp', () => {
    expect(demoServiceContract.port).toBeGreaterThanOrEqual(1024);
    expect(demoServiceContract.runAsUser).toBeGreaterThan(0);
    expect(demoServiceContract.writablePaths).toContain('/tmp');
    expect(demoServiceContract.livenessPath).not.toBe(demoServiceContract.readinessPath);
  });
});
