import { readStackConfig, StackConfigError } from '@platform/infra-stack-kit';
import { applyStackConfig, installMocks, settle } from '@platform/infra-stack-kit/testing';
import { describe, expect, it } from 'vitest';
import { PROJECT } from './config/bootstrap-fields.js';
import { BOOTSTRAP_PROJECT, SECRET_KEYS, stagingConfig } from './testing/config-fixtures.js';
import { kubernetesMocks } from './testing/kubernetes-mocks.js';
import { CLUSTER_STACKS } from './testing/run-program.js';

describe('bootstrap with bad config', () => {
  it('throws, naming the key, before declaring any resource: not even the stack reference', async () => {
    const values = stagingConfig({ repoAccess: 'token' });
    applyStackConfig(BOOTSTRAP_PROJECT, values, SECRET_KEYS);
    const { recorder, engine } = await installMocks(
      PROJECT,
      'staging',
      kubernetesMocks(CLUSTER_STACKS),
    );
    const { bootstrap } = await import('./program.js');

    const raw = readStackConfig(PROJECT);
    expect(() => bootstrap({ raw, stack: 'staging' })).toThrow(StackConfigError);
    expect(() => bootstrap({ raw, stack: 'staging' })).toThrow('infra-bootstrap:repoAccess');
    await settle();

    expect(recorder.resources).toEqual([]);
    expect(engine.size).toBe(0);
  });
});
