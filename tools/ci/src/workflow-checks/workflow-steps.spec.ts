import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT, runStep, stepScript } from './testing/run-workflow-step.js';

/** A fake CLI that logs its arguments to calls.log, prints `out` and exits with `code`. */
const fake = (out: string, code = 0, err = '') =>
  `echo "$(basename "$0") $*" >> calls.log\nprintf '%b' ${JSON.stringify(out)}\nprintf '%b' ${JSON.stringify(err)} >&2\nexit ${code}`;

describe('release.yml: is the image already pushed?', () => {
  const script = stepScript('release.yml', 'image', 'existing');
  const env = { REPOSITORY_NAME: 'platform-staging/orders', TAG: 'abc123' };

  it('bumps to the image a re-run finds', () => {
    const run = runStep(script, env, { aws: fake('sha256:feed\n') });
    expect(run.status).toBe(0);
    expect(run.outputs['digest']).toBe('sha256:feed');
  });

  it('builds when ECR says the image is not there', () => {
    const run = runStep(script, env, {
      aws: fake(
        '',
        254,
        'An error occurred (ImageNotFoundException) when calling the DescribeImages operation',
      ),
    });
    expect(run.status).toBe(0);
    expect(run.outputs['digest']).toBeUndefined();
  });

  it('fails, never reads "not pushed", when the role may not ask', () => {
    const run = runStep(script, env, {
      aws: fake(
        '',
        254,
        'An error occurred (AccessDeniedException) when calling the DescribeImages operation',
      ),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('AccessDeniedException');
  });
});

describe("release.yml: the base images' digests", () => {
  const script = stepScript('release.yml', 'image', 'base-images');
  const dockerfile = (text: string) => {
    const directory = mkdtempSync(join(tmpdir(), 'base-images-'));
    writeFileSync(join(directory, 'Dockerfile'), text);
    return { DOCKERFILE: join(directory, 'Dockerfile') };
  };
  const twoImages = dockerfile(
    [
      '# syntax=docker/dockerfile:1',
      'ARG BUILD_IMAGE=node:22-trixie-slim',
      'ARG RUNTIME_IMAGE=gcr.io/distroless/nodejs22-debian13:nonroot',
      'FROM ${BUILD_IMAGE} AS build',
      'ARG SERVICE_VERSION=0.0.0-dev',
      'FROM ${RUNTIME_IMAGE}',
    ].join('\n'),
  );
  const output = (directory: string) => readFileSync(join(directory, 'github-output'), 'utf8');

  it('passes each ARG *_IMAGE as <tag>@<digest>, the digest the registry has for the tag', () => {
    const run = runStep(script, twoImages, {
      docker: `echo "$*" >> calls.log\ncase "$4" in node:*) echo sha256:aaa ;; *) echo sha256:bbb ;; esac`,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(output(run.directory)).toBe(
      [
        'build-args<<BUILD_ARGS_END',
        'BUILD_IMAGE=node:22-trixie-slim@sha256:aaa',
        'RUNTIME_IMAGE=gcr.io/distroless/nodejs22-debian13:nonroot@sha256:bbb',
        'BUILD_ARGS_END',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(run.directory, 'calls.log'), 'utf8').split('\n')).toEqual([
      'buildx imagetools inspect node:22-trixie-slim --format {{.Manifest.Digest}}',
      'buildx imagetools inspect gcr.io/distroless/nodejs22-debian13:nonroot --format {{.Manifest.Digest}}',
      '',
    ]);
  });

  it('fails, writing no build argument, when the registry gives no digest', () => {
    const run = runStep(script, twoImages, {
      docker:
        'case "$4" in node:*) echo sha256:aaa ;; *) echo "ERROR: not found" >&2; exit 1 ;; esac',
    });
    expect(run.status).toBe(1);
    expect(output(run.directory)).toBe('');
  });

  it('fails on an answer that is not a digest, naming the image', () => {
    const run = runStep(script, twoImages, { docker: 'echo "<nil>"' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("node:22-trixie-slim resolved to '<nil>', not a digest");
    expect(output(run.directory)).toBe('');
  });

  it('fails on a Dockerfile without an image argument to resolve', () => {
    const run = runStep(script, dockerfile('FROM node:22\n'), { docker: 'echo sha256:aaa' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no ARG <NAME>_IMAGE=<tag> to resolve');
  });
});

describe('pr-comment.yml: the pull request of the run', () => {
  const script = stepScript('pr-comment.yml', 'comment', 'pr');
  const env = {
    GH_TOKEN: 't',
    REPOSITORY: 'acme/platform',
    HEAD_REPOSITORY: 'acme/platform',
    HEAD_OWNER: 'acme',
    HEAD_BRANCH: 'feature/x',
    HEAD_SHA: 'a'.repeat(40),
  };
  const pull = (number: number, sha: string, repo = 'acme/platform') => ({
    number,
    head: { sha, repo: { full_name: repo } },
  });

  it('is the open pull request whose head is the run’s repository, branch and commit', () => {
    const run = runStep(script, env, {
      gh: fake(JSON.stringify([pull(7, 'b'.repeat(40)), pull(12, 'a'.repeat(40))])),
    });
    expect(run.status).toBe(0);
    expect(run.outputs['number']).toBe('12');
    const calls = readFileSync(join(run.directory, 'calls.log'), 'utf8');
    expect(calls).toContain('head=acme:feature/x');
    expect(calls).not.toContain('--search');
  });

  it('is none when no head matches, or when a fork has the same commit', () => {
    for (const pulls of [
      [],
      [pull(3, 'a'.repeat(40), 'mallory/platform')],
      [pull(4, 'c'.repeat(40))],
    ]) {
      const run = runStep(script, env, { gh: fake(JSON.stringify(pulls)) });
      expect(run.status).toBe(0);
      expect(run.outputs['number']).toBe('');
    }
  });
});

describe('tools/ci/bin/pulumi-stack.sh (every preview and up)', () => {
  const script =
    'tools/ci/bin/pulumi-stack.sh preview infra/cluster acme/infra-cluster/staging out.txt --refresh';

  it('applies the policy pack and keeps the whole output, also when the command fails', () => {
    const run = runStep(
      script,
      { PULUMI_BACKEND_URL: '' },
      {
        pulumi: `${fake('Resources:\n    ~ 1 to update\n', 255, 'error: no changes were expected but changes were proposed')}`,
      },
    );
    expect(run.status).toBe(255);
    const calls = readFileSync(join(run.directory, 'calls.log'), 'utf8');
    expect(calls).toContain(`--policy-pack ${join(WORKSPACE_ROOT, 'infra/policies')}`);
    expect(calls).toContain('--stack acme/infra-cluster/staging');
    expect(calls).toContain('--refresh');
    const output = readFileSync(join(run.directory, 'out.txt'), 'utf8');
    expect(output).toContain('~ 1 to update');
    expect(output).toContain('no changes were expected');
  });

  it('refuses a command it does not run', () => {
    const run = runStep('tools/ci/bin/pulumi-stack.sh destroy d s o', {}, { pulumi: fake('') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'destroy'");
  });
});

describe('tools/ci/bin/pulumi-stack.sh --json (the digest the comment and the drift check read)', () => {
  it('keeps stdout alone in the file, so it stays one JSON document, and stderr beside it', () => {
    const run = runStep(
      'tools/ci/bin/pulumi-stack.sh preview infra/cluster o/infra-cluster/staging preview.json --json',
      {},
      {
        pulumi: fake(
          '{"changeSummary": {"same": 3}}\n',
          0,
          'Installing policy pack infra-policies\n',
        ),
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(run.directory, 'preview.json'), 'utf8'))).toEqual({
      changeSummary: { same: 3 },
    });
    expect(readFileSync(join(run.directory, 'preview.json.stderr'), 'utf8')).toContain(
      'Installing policy pack',
    );
    const calls = readFileSync(join(run.directory, 'calls.log'), 'utf8');
    expect(calls).toContain('--json');
    expect(calls).not.toContain('--diff');
  });
});

describe('infra.yml: the preview kept for the review comment', () => {
  it('keeps the exit code of a failed preview, and fails the step', () => {
    const preview = runStep(
      stepScript('infra.yml', 'preview', 'Preview, with the policy pack'),
      { DIR: 'infra/cluster', STACK: 'o/infra-cluster/staging' },
      { pulumi: fake('{"changeSummary": {}}\n', 255, 'error: preview failed') },
    );
    expect(preview.status).toBe(255);
    expect(readFileSync(join(preview.directory, 'exit-code'), 'utf8').trim()).toBe('255');
    const keep = stepScript('infra.yml', 'preview', 'Keep the preview for the review comment');
    // A workload cluster's stack: the review comment files it under its environment.
    const kept = runStep(
      `cp ${join(preview.directory, 'exit-code')} . && ${keep}`,
      { PROJECT: 'infra-cluster', STACK: 'staging-west', ENVIRONMENT: 'staging' },
      {},
    );
    expect(JSON.parse(readFileSync(join(kept.directory, 'outcome.json'), 'utf8'))).toEqual({
      project: 'infra-cluster',
      stack: 'staging-west',
      environment: 'staging',
      exitCode: 255,
    });
    // A preview that never ran (credentials) is a failure too.
    const never = runStep(
      keep,
      { PROJECT: 'infra-cluster', STACK: 'staging', ENVIRONMENT: 'staging' },
      {},
    );
    expect(JSON.parse(readFileSync(join(never.directory, 'outcome.json'), 'utf8')).exitCode).toBe(
      1,
    );
  });
});

describe('drift.yml: both sides of the drift check', () => {
  it('Pulumi: the refreshed preview’s digest and exit code, kept whether it passes or fails', () => {
    const run = runStep(
      stepScript('drift.yml', 'pulumi', 'Preview after a refresh, expecting no changes'),
      {
        DIR: 'infra/cluster',
        PROJECT: 'infra-cluster',
        STACK: 'staging-west',
        ENVIRONMENT: 'staging',
        STACK_REF: 'o/infra-cluster/staging-west',
      },
      {
        pulumi: fake(
          '{"changeSummary": {"update": 1}}\n',
          255,
          'error: no changes were expected but changes were proposed',
        ),
      },
    );
    expect(run.status).toBe(0);
    const calls = readFileSync(join(run.directory, 'calls.log'), 'utf8');
    expect(calls).toContain('--stack o/infra-cluster/staging-west');
    expect(calls).toContain('--refresh --expect-no-changes --json');
    // The report files a workload cluster's stack under its environment's issue.
    expect(JSON.parse(readFileSync(join(run.directory, 'outcome.json'), 'utf8'))).toEqual({
      project: 'infra-cluster',
      stack: 'staging-west',
      environment: 'staging',
      exitCode: 255,
    });
    expect(readFileSync(join(run.directory, 'preview.json'), 'utf8')).toContain('"update": 1');
  });

  const gitops = stepScript('drift.yml', 'gitops', "Read the GitOps engine's objects");
  const env = {
    ENVIRONMENT: 'staging',
    STACK_REF: 'o/infra-cluster/staging',
    PULUMI_BACKEND_URL: '',
  };

  it('GitOps: reads both engines with the kubeconfig of the stack’s cluster, keeping each exit code', () => {
    const run = runStep(gitops, env, {
      pulumi: fake('platform-staging\n'),
      aws: fake(''),
      kubectl: [
        'echo "kubectl $* KUBECONFIG=$KUBECONFIG" >> calls.log',
        'case "$2" in',
        '  applications.argoproj.io) echo \'{"items": []}\' ;;',
        "  *) echo 'error: the server doesn'\"'\"'t have a resource type \"kustomizations\"' >&2; exit 1 ;;",
        'esac',
      ].join('\n'),
    });
    expect(run.status).toBe(0);
    const calls = readFileSync(join(run.directory, 'calls.log'), 'utf8');
    expect(calls).toContain(
      'pulumi stack output clusterName --cwd infra/cluster --stack o/infra-cluster/staging',
    );
    expect(calls).toContain(
      `aws eks update-kubeconfig --name platform-staging --kubeconfig ${run.directory}`,
    );
    expect(calls).toContain('kubectl get applications.argoproj.io -A -o json');
    expect(calls).toContain(
      'kubectl get kustomizations.kustomize.toolkit.fluxcd.io,helmreleases.helm.toolkit.fluxcd.io -A -o json',
    );
    expect(JSON.parse(readFileSync(join(run.directory, 'outcome.json'), 'utf8'))).toEqual({
      environment: 'staging',
      applicationsExit: 0,
      fluxExit: 1,
    });
    expect(readFileSync(join(run.directory, 'flux.stderr'), 'utf8')).toContain(
      "doesn't have a resource type",
    );
  });

  it('GitOps: an unreachable cluster is a failed read, never "no drift"', () => {
    const run = runStep(gitops, env, {
      pulumi: fake('platform-staging\n'),
      aws: fake(
        '',
        254,
        'An error occurred (AccessDeniedException) when calling the DescribeCluster operation',
      ),
      kubectl: fake(''),
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(run.directory, 'outcome.json'), 'utf8'))).toEqual({
      environment: 'staging',
      applicationsExit: 1,
      fluxExit: 1,
    });
    expect(readFileSync(join(run.directory, 'applications.stderr'), 'utf8')).toContain(
      'AccessDeniedException',
    );
    expect(readFileSync(join(run.directory, 'calls.log'), 'utf8')).not.toContain('kubectl');
  });
});

describe('pr-comment.yml: the latest ci and infra runs of the head commit', () => {
  const script = stepScript(
    'pr-comment.yml',
    'comment',
    'The latest ci and infra runs of the head commit, and their artifacts',
  );
  const env = {
    GH_TOKEN: 't',
    REPOSITORY: 'acme/platform',
    HEAD_REPOSITORY: 'acme/platform',
    HEAD_SHA: 'a'.repeat(40),
  };
  const run = (id: number, workflow: string, status: string, repo = 'acme/platform') => ({
    id,
    path: `.github/workflows/${workflow}.yml`,
    status,
    conclusion: status === 'completed' ? 'success' : null,
    html_url: `https://github.com/acme/platform/actions/runs/${id}`,
    head_repository: { full_name: repo },
  });
  const gh = (runs: object[]) =>
    [
      'echo "gh $*" >> calls.log',
      'case "$1 $2" in',
      `  "api --method") echo '${JSON.stringify({ workflow_runs: runs })}' ;;`,
      '  "api repos/acme/platform/actions/runs/"*) echo \'[{"id": 51, "name": "manifest-diff"}]\' ;;',
      '  "run download") mkdir -p "$7/manifest-diff" && echo patch > "$7/manifest-diff/manifest-diff.patch" ;;',
      'esac',
    ].join('\n');

  it('takes the newest run of each workflow from the head repository; a running one has no artifacts yet', () => {
    const result = runStep(script, env, {
      gh: gh([
        run(10, 'ci', 'completed'),
        run(12, 'ci', 'completed'),
        run(13, 'ci', 'completed', 'mallory/platform'),
        run(14, 'infra', 'in_progress'),
      ]),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(result.directory, 'runs.json'), 'utf8'))).toEqual({
      ci: {
        status: 'completed',
        conclusion: 'success',
        html_url: 'https://github.com/acme/platform/actions/runs/12',
        artifacts: [{ id: 51, name: 'manifest-diff' }],
      },
      infra: {
        status: 'in_progress',
        conclusion: null,
        html_url: 'https://github.com/acme/platform/actions/runs/14',
        artifacts: [],
      },
    });
    const calls = readFileSync(join(result.directory, 'calls.log'), 'utf8');
    expect(calls).toContain('-f head_sha=' + 'a'.repeat(40));
    expect(calls).toContain('gh run download 12 --repo acme/platform --dir artifacts/ci');
    expect(calls).not.toContain('download 14');
    expect(
      readFileSync(
        join(result.directory, 'artifacts/ci/manifest-diff/manifest-diff.patch'),
        'utf8',
      ),
    ).toBe('patch\n');
  });

  it('is null for a workflow that did not run for the commit', () => {
    const result = runStep(script, env, { gh: gh([run(12, 'ci', 'in_progress')]) });
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(result.directory, 'runs.json'), 'utf8')).infra).toBeNull();
  });
});

describe('protect-images.yml: tagging what another environment runs', () => {
  const script = stepScript(
    'protect-images.yml',
    'protect',
    'Tag them keep-<environment>-<digest>',
  );
  const digest = `sha256:${'c'.repeat(64)}`;
  const manifest = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json"}';
  const images = JSON.stringify([
    {
      repositoryName: 'platform-staging/orders',
      imageId: `imageDigest=${digest}`,
      protectTag: 'keep-production-cccc',
    },
  ]);
  const aws = (found: boolean, putError = '') =>
    [
      'echo "aws $*" >> calls.log',
      'if [ "$2" = batch-get-image ]; then',
      found
        ? `  jq -n --arg m '${manifest}' '{images: [{imageManifest: $m, imageManifestMediaType: "application/vnd.oci.image.index.v1+json", imageId: {imageDigest: "${digest}"}}], failures: []}'`
        : `  echo '{"images": [], "failures": [{"failureCode": "ImageNotFound"}]}'`,
      'else',
      '  cp manifest.json put-manifest.json',
      putError ? `  echo '${putError}' >&2; exit 254` : '  echo "{}"',
      'fi',
    ].join('\n');

  it("tags the image's own manifest, byte for byte, naming its digest", () => {
    const run = runStep(script, { IMAGES: images }, { aws: aws(true) });
    expect(run.status).toBe(0);
    expect(readFileSync(join(run.directory, 'put-manifest.json'), 'utf8')).toBe(manifest);
    const calls = readFileSync(join(run.directory, 'calls.log'), 'utf8');
    expect(calls).toContain(`--image-tag keep-production-cccc --image-digest ${digest}`);
  });

  it('takes a tag that is already there as done, and fails on a missing image', () => {
    const again = runStep(
      script,
      { IMAGES: images },
      {
        aws: aws(
          true,
          'An error occurred (ImageAlreadyExistsException) when calling the PutImage operation',
        ),
      },
    );
    expect(again.status).toBe(0);
    const missing = runStep(script, { IMAGES: images }, { aws: aws(false) });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('ImageNotFound');
  });
});
