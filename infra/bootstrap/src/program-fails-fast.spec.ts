import { describe, expect, it } from 'vitest';
import { BootstrapConfigError } from './config/parse-bootstrap-config.js';
import { stagingConfig } from './testing/config-fixtures.js';
import { RecordingMocks, installMocks, settle } from './testing/pulumi-mocks.js';
import { CLUSTER_STACKS } from './testing/run-program.js';

describe('bootstrap with bad config', () => {
  it('throws, naming the key, before declaring any resource: not even the stack reference', async () => {
    const mocks = new RecordingMocks(CLUSTER_STACKS);
    const engine = await installMocks(mocks, 'staging');
    const { bootstrap } = await import('./program.js');

    const raw = stagingConfig({ repoUrl: 'ftp://github.com/acme/platform.git' });
    expect(() => bootstrap({ raw, stack: 'staging' })).toThrow(BootstrapConfigError);
    expect(() => bootstrap({ raw, stack: 'staging' })).toThrow('infra-bootstrap:repoUrl');
    await settle();

    expect(mocks.resources).toEqual([]);
    expect(engine.size).toBe(0);
  });
});
