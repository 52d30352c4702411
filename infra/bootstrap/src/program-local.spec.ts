import { beforeAll, describe, expect, it } from 'vitest';
import { localConfig } from './testing/config-fixtures.js';
import { runProgram, type ProgramRun } from './testing/run-program.js';

describe('bootstrap: the local stack (kind, minikube, Docker Desktop)', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram(localConfig(), 'local');
  });

  it('connects through the kubeconfig context, not the cluster stack', () => {
    expect(run.recorder.find('pulumi:providers:kubernetes', 'cluster').inputs).toMatchObject({
      context: 'kind-platform',
    });
    expect(run.recorder.find('pulumi:providers:kubernetes', 'cluster').inputs).not.toHaveProperty(
      'kubeconfig',
    );
    expect(run.recorder.ofType('pulumi:pulumi:StackReference')).toEqual([]);
    expect(run.recorder.invokes).toEqual([]);
    expect(run.outputs.cluster).toBe('context kind-platform');
  });

  it('bootstraps the configured environment onto the laptop cluster', () => {
    const set = run.recorder.find(
      'kubernetes:argoproj.io/v1alpha1:ApplicationSet',
      'staging-applications',
    ).inputs;
    expect(set.spec.generators[0].git.directories).toEqual([{ path: 'manifests/staging/*' }]);
  });

  it('needs no repository Secret for a public repository', () => {
    expect(run.recorder.ofType('kubernetes:core/v1:Secret')).toEqual([]);
  });

  it('enables the local admin and polls every minute, since no webhook reaches a laptop', () => {
    const values = run.engine.get('kubernetes:helm.sh/v3:Release argocd-release')?.inputs.values;
    expect(values.configs.cm['admin.enabled']).toBe('true');
    expect(values.configs.cm['timeout.reconciliation']).toBe('60s');
    expect(values.configs.secret).not.toHaveProperty('githubSecret');
  });
});
