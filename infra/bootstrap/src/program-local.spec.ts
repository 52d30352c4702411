import { argoCdValues } from '@platform/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTTPS_REPOSITORY, localConfig } from './testing/config-fixtures.js';
import { environmentNamed } from './testing/environments.js';
import { runProgram, type ProgramRun } from './testing/run-program.js';

describe('bootstrap: the local stack (kind, minikube, Docker Desktop)', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram(localConfig(), 'local', { repository: HTTPS_REPOSITORY });
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

  it("syncs the chosen environment's _platform with local/ instead of the AWS add-ons", () => {
    const root = run.recorder.find(
      'kubernetes:argoproj.io/v1alpha1:Application',
      'platform-application',
    ).inputs;
    expect(root.spec.source).toMatchObject({
      path: 'manifests/staging/_platform',
      directory: { recurse: true, exclude: '{aws/*,workloads/*}' },
    });
  });

  it('needs no repository Secret for a public repository, only argocd-secret', () => {
    expect(run.recorder.ofType('kubernetes:core/v1:Secret').map((s) => s.name)).toEqual([
      'argocd-secret',
    ]);
  });

  it("runs Argo CD with the environment's own values, which git keeps applying", () => {
    const values = run.engine.get('kubernetes:helm.sh/v3:Release argocd-release')?.inputs.values;
    const staging = argoCdValues(environmentNamed('staging'));
    expect(values).toEqual(JSON.parse(JSON.stringify(staging)));
  });
});
