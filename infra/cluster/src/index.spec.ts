import * as pulumi from '@pulumi/pulumi';
import type * as Environments from '@platform/environments';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  cliConfig,
  installMocks,
  promiseOf,
  settle,
  type ResourceRecorder,
} from '@platform/infra-stack-kit/testing';
import { platformMocks } from './testing/platform-mocks.js';
import { environmentsFor, stackConfig } from './testing/fixture-stacks.js';
import { CLUSTER_PROJECT } from './testing/stack-files.js';

// The entry point reads libs/environments; here it reads the fixtures' environments instead.
vi.mock('@platform/environments', async (importOriginal) => ({
  ...(await importOriginal<typeof Environments>()),
  workspaceEnvironments: environmentsFor(stackConfig('production'), 'production'),
}));

let recorder: ResourceRecorder;
let program: Record<string, unknown>;

beforeAll(async () => {
  // What the Pulumi CLI hands the program: namespaced keys, strings, lists as JSON, defaults.
  const config = cliConfig(CLUSTER_PROJECT, stackConfig('production'));
  pulumi.runtime.setAllConfig({ ...config, 'aws:region': 'us-east-1' });
  ({ recorder } = await installMocks(CLUSTER_PROJECT.name, 'production', platformMocks));
  program = await import('./index.js');
  await settle();
});

describe('the entry point', () => {
  it('exports exactly the stack outputs', () => {
    expect(Object.keys(program).sort()).toEqual(
      [
        'argocdHubRoleArn',
        'ciPreviewRoleArn',
        'ciPushRoleArn',
        'ciRoleArn',
        'clusterCertificateAuthority',
        'clusterEndpoint',
        'clusterName',
        'hostedZoneId',
        'imageRegistry',
        'kubeconfig',
        'nameServers',
        'natPublicIps',
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
