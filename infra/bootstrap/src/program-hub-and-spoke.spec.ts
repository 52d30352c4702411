import { promiseOf } from '@platform/infra-stack-kit/testing';
import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { stagingConfig } from './testing/config-fixtures.js';
import { HUB_AND_SPOKE, HUB_AND_SPOKE_ENVIRONMENTS } from './testing/environments.js';
import { SECRET_SIG, SECRET_SIG_KEY } from './testing/kubernetes-mocks.js';
import { environmentClusterStacks, runProgram, type ProgramRun } from './testing/run-program.js';

const SECRET = 'kubernetes:core/v1:Secret';
const STACK_REFERENCE = 'pulumi:pulumi:StackReference';
const STACKS = environmentClusterStacks(HUB_AND_SPOKE);

/** A resource input as the mocks see it: the value inside a secret wrapper, or the input. */
const unwrapped = (input: any) => (input?.[SECRET_SIG_KEY] === SECRET_SIG ? input.value : input);

/** The bootstrap stack `retail`, which connects to the hub's cluster stack. */
const retailConfig = (overrides: Record<string, string | undefined> = {}) =>
  stagingConfig({
    environment: 'retail',
    clusterStack: 'acme/infra-cluster/retail-mgmt',
    ...overrides,
  });

const clusterSecrets = (run: ProgramRun) =>
  run.recorder
    .ofType(SECRET)
    .filter((s) => s.inputs.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster');

describe('bootstrap: a hub-and-spoke environment (the hub runs Argo CD)', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram(retailConfig(), 'retail', {
      environments: HUB_AND_SPOKE_ENVIRONMENTS,
      stacks: STACKS,
    });
  });

  it("connects to the hub: the provider's kubeconfig is the hub stack's", async () => {
    expect(run.recorder.find(STACK_REFERENCE, 'cluster-stack').inputs.name).toBe(
      'acme/infra-cluster/retail-mgmt',
    );
    const provider = run.engine.get('pulumi:providers:kubernetes cluster')?.inputs;
    expect(JSON.parse(unwrapped(provider.kubeconfig))).toEqual(
      STACKS['acme/infra-cluster/retail-mgmt']?.outputs.kubeconfig,
    );
    expect(run.outputs.cluster).toBe('stack acme/infra-cluster/retail-mgmt');
  });

  it("reads each workload cluster's stack beside the hub's: same org and project", () => {
    expect(
      run.recorder
        .ofType(STACK_REFERENCE)
        .map((r) => [r.name, r.inputs.name])
        .sort(),
    ).toEqual([
      ['cluster-stack', 'acme/infra-cluster/retail-mgmt'],
      ['workload-clusters-apac-stack', 'acme/infra-cluster/retail-apac'],
      ['workload-clusters-emea-stack', 'acme/infra-cluster/retail-emea'],
    ]);
  });

  it.each([
    ['emea', 'eu-west-3', 'retail-emea'],
    ['apac', 'ap-southeast-2', 'retail-apac'],
  ])(
    'registers %s in the hub Argo CD: one cluster Secret, IAM auth through the pods own role',
    (cluster, region, stack) => {
      const outputs = STACKS[`acme/infra-cluster/${stack}`]?.outputs ?? {};
      const secret = run.recorder.find(SECRET, `workload-clusters-${cluster}`);
      expect(secret.inputs.metadata).toEqual({
        name: `cluster-retail.${cluster}`,
        namespace: 'argocd',
        labels: {
          'argocd.argoproj.io/secret-type': 'cluster',
          'platform.gitops/environment': 'retail',
          'platform.gitops/region': region,
          'platform.gitops/cluster': cluster,
          'app.kubernetes.io/managed-by': 'pulumi',
        },
      });
      expect(secret.inputs.type).toBe('Opaque');
      const data = unwrapped(secret.inputs.stringData);
      expect(data.name).toBe(`retail.${cluster}`);
      expect(data.server).toBe(outputs.clusterEndpoint);
      expect(data.server).toContain(`.${region}.eks.amazonaws.com`);
      const config = JSON.parse(data.config);
      expect(config).toStrictEqual({
        awsAuthConfig: { clusterName: `platform-${stack}` },
        tlsClientConfig: { insecure: false, caData: outputs.clusterCertificateAuthority },
      });
      for (const credential of ['bearerToken', 'password', 'username', 'execProviderConfig']) {
        expect(config).not.toHaveProperty(credential);
      }
      expect(config.awsAuthConfig).not.toHaveProperty('roleARN');
      expect(secret.provider).toMatch(/::pulumi:providers:kubernetes::cluster::/);
    },
  );

  it('registers the clusters once Argo CD is installed, in its namespace, and protects none of them', () => {
    expect(
      clusterSecrets(run)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['workload-clusters-apac', 'workload-clusters-emea']);
    for (const name of ['workload-clusters-apac', 'workload-clusters-emea']) {
      const request = run.engine.get(`${SECRET} ${name}`);
      expect(request?.dependencies).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\$kubernetes:helm\.sh\/v3:Release::argocd-release$/),
          expect.stringMatching(/\$kubernetes:core\/v1:Namespace::argocd-namespace$/),
        ]),
      );
      // A cluster removed from the data loses its Secret on the next `up`.
      expect(request?.protect).toBe(false);
      expect(request?.retainOnDelete).toBe(false);
    }
  });

  it("leaves the workload clusters' platform out of the hub's root Application", () => {
    const root = run.recorder.find(
      'kubernetes:argoproj.io/v1alpha1:Application',
      'platform-application',
    ).inputs;
    expect(root.spec.source).toMatchObject({
      path: 'manifests/retail/_platform',
      directory: { recurse: true, exclude: '{local/*,workloads/*}' },
    });
  });

  it('exports the registered clusters by their Argo CD names, not as a secret', async () => {
    expect(run.outputs.workloadClusters).toEqual(['retail.emea', 'retail.apac']);
    expect(await pulumi.isSecret(pulumi.output(run.outputs.workloadClusters))).toBe(false);
    expect(await promiseOf(run.outputs.engineNamespace)).toBe('argocd');
  });
});

describe('bootstrap: an environment of one cluster registers none', () => {
  it('creates no cluster Secret and reads no other cluster stack', async () => {
    const run = await runProgram(stagingConfig(), 'staging');
    expect(clusterSecrets(run)).toEqual([]);
    expect(run.recorder.ofType(STACK_REFERENCE).map((r) => r.name)).toEqual(['cluster-stack']);
    expect(run.recorder.ofType('platform:gitops:WorkloadClusters')).toEqual([]);
    expect(run.outputs.workloadClusters).toEqual([]);
  });
});
