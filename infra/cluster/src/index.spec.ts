import * as pulumi from '@pulumi/pulumi';
import type * as Environments from '@platform/environments';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PROJECT } from './config/config-error.js';
import { platformMocks } from './testing/platform-mocks.js';
import { promiseOf } from './testing/promise-of.js';
import { ResourceRecorder } from './testing/resource-recorder.js';
import { environmentsFor, stackConfig } from './testing/fixture-stacks.js';

// The entry point reads libs/environments; here it reads the fixtures' environments instead.
vi.mock('@platform/environments', async (importOriginal) => ({
  ...(await importOriginal<typeof Environments>()),
  workspaceEnvironments: environmentsFor(stackConfig('production'), 'production'),
}));

const recorder = new ResourceRecorder();
let program: Record<string, unknown>;

beforeAll(async () => {
  // What the Pulumi CLI hands the program: namespaced keys, strings, lists as JSON.
  const config = Object.fromEntries(
    Object.entries(stackConfig('production')).map(([key, value]) => [
      `${PROJECT}:${key}`,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
  pulumi.runtime.setAllConfig({ ...config, 'aws:region': 'us-east-1' });
  await pulumi.runtime.setMocks(platformMocks(recorder), PROJECT, 'production', false);
  program = await import('./index.js');
  await pulumi.runtime.disconnect();
});

describe('the entry point', () => {
  it('exports exactly the stack outputs', () => {
    expect(Object.keys(program).sort()).toEqual(
      [
        'ciPreviewRoleArn',
        'ciPushRoleArn',
        'ciRoleArn',
        'clusterEndpoint',
        'clusterName',
        'imageRegistry',
        'kubeconfig',
        'oidcProviderArn',
      ].sort(),
    );
  });

  it('declares the stack named by the Pulumi runtime, from its configuration', async () => {
    expect(await promiseOf(program['clusterName'] as pulumi.Output<string>)).toBe(
      'platform-production',
    );
    expect(
      recorder.find('eks:index:ManagedNodeGroup', 'platform-production-nodes-group').inputs[
        'scalingConfig'
      ],
    ).toEqual({
      minSize: 3,
      desiredSize: 3,
      maxSize: 9,
    });
  });

  it('reads only its own namespace (aws:region does not leak in)', () => {
    expect(recorder.find('pulumi:providers:aws', 'platform-production-aws').inputs['region']).toBe(
      'eu-west-1',
    );
  });
});
