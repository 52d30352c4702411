import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTempWorkspace,
  removeTempWorkspace,
  writeClusterStack,
} from '../testing/temp-workspace.js';
import { readTargetVersions } from './cluster-stack.js';

let root: string;
beforeEach(async () => {
  root = await createTempWorkspace();
});
afterEach(() => removeTempWorkspace(root));

const problemsOf = async (text: string) => {
  await writeClusterStack(root, 'test-stage', undefined, text);
  return (await readTargetVersions(root, ['test-stage'])).problems;
};

describe('readTargetVersions', () => {
  it("reads each environment's infra-cluster:kubernetesVersion, naming where it came from", async () => {
    await writeClusterStack(root, 'test-stage', '1.35');
    const { targets, problems } = await readTargetVersions(root, ['test-stage', 'test-live']);
    expect(problems).toEqual([]);
    expect(targets.get('test-stage')).toEqual({
      version: '1.35',
      source: 'infra-cluster:kubernetesVersion in infra/cluster/Pulumi.test-stage.yaml',
    });
    expect(targets.get('test-live')?.version).toBe('1.27');
  });

  it("targets the oldest version of an environment's cluster stacks, naming that stack's file", async () => {
    await writeClusterStack(root, 'live-hub', '1.35');
    await writeClusterStack(root, 'live-east', '1.33');
    await writeClusterStack(root, 'live-west', '1.34');
    const stacks = ['live-hub', 'live-east', 'live-west'];
    const { targets, problems } = await readTargetVersions(root, ['live'], () => stacks);
    expect(problems).toEqual([]);
    expect(targets.get('live')).toEqual({
      version: '1.33',
      source: 'infra-cluster:kubernetesVersion in infra/cluster/Pulumi.live-east.yaml',
    });
  });

  it('reports a missing stack file of an environment that renders, naming the file and the key', async () => {
    const { targets, problems } = await readTargetVersions(root, ['qa']);
    expect(targets.size).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'infra/cluster/Pulumi.qa.yaml',
        object: '(file)',
        check: 'version',
        message: expect.stringMatching(
          /^does not exist, but environment 'qa' renders: .*'infra-cluster:kubernetesVersion'/,
        ),
      }),
    ]);
  });

  it('reports a stack file without the key, naming the file and the key', async () => {
    const [problem, ...rest] = await problemsOf('config:\n  infra-cluster:region: eu-west-1\n');
    expect(rest).toEqual([]);
    expect(problem?.file).toBe('infra/cluster/Pulumi.test-stage.yaml');
    expect(problem?.message).toMatch(/^has no 'infra-cluster:kubernetesVersion'/);
    expect(await problemsOf('# no config at all\n')).toHaveLength(1);
  });

  it('reports an unknown version, naming the key and the value', async () => {
    const [problem] = await problemsOf("config:\n  infra-cluster:kubernetesVersion: '1.99'\n");
    expect(problem?.message).toBe(
      `'infra-cluster:kubernetesVersion' is "1.99", not a Kubernetes version the version table knows (1.16–1.35)`,
    );
  });

  it('reports an unquoted version (YAML reads 1.30 as the number 1.3), naming the value', async () => {
    const [problem] = await problemsOf('config:\n  infra-cluster:kubernetesVersion: 1.30\n');
    expect(problem?.message).toMatch(
      /^'infra-cluster:kubernetesVersion' is 1\.3, not a Kubernetes/,
    );
    expect(problem?.fix).toContain("quote the version ('1.35')");
  });

  it('reports a stack file that is not YAML', async () => {
    const [problem] = await problemsOf('config: [\n');
    expect(problem?.message).toMatch(/^is not valid YAML/);
  });
});
