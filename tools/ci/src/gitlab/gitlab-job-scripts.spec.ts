import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKSPACE_ROOT, runStep } from '../workflow-checks/testing/run-workflow-step.js';

/** A job's `script:` entries in .gitlab-ci.yml (GitLab runs them in one bash with `set -e`). */
function jobScript(job: string): string[] {
  const pipeline = parse(readFileSync(join(WORKSPACE_ROOT, '.gitlab-ci.yml'), 'utf8'), {
    logLevel: 'error',
  }) as Record<string, { script?: string[] }>;
  const script = pipeline[job]?.script;
  if (!script) throw new Error(`.gitlab-ci.yml has no job ${job} with a script`);
  return script;
}

/** A fake CLI that logs its arguments to calls.log, then runs `body`. */
const fake = (body: string) => `echo "$(basename "$0") $*" >> calls.log\n${body}`;
const calls = (directory: string) => readFileSync(join(directory, 'calls.log'), 'utf8');

describe('tools/ci/bin/aws-web-identity.sh (every AWS job)', () => {
  const role = 'arn:aws:iam::100000000001:role/platform-staging-gitlab-push';
  const env = {
    AWS_ID_TOKEN: 'eyJ.fixture',
    AWS_REGION: 'eu-west-1',
    CI_PIPELINE_ID: '12',
    CI_JOB_ID: '34',
  };
  const login = `. tools/ci/bin/aws-web-identity.sh "${role}"\necho "$AWS_ACCESS_KEY_ID $AWS_SECRET_ACCESS_KEY $AWS_SESSION_TOKEN $AWS_DEFAULT_REGION"`;

  it('exchanges the job’s ID token for the role and exports its credentials to the job', () => {
    const run = runStep(login, env, { aws: fake("printf 'ASIAFIXTURE\\tsecret\\tsession\\n'") });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ASIAFIXTURE secret session eu-west-1');
    expect(calls(run.directory)).toBe(
      `aws sts assume-role-with-web-identity --role-arn ${role} --role-session-name gitlab-12-34 ` +
        '--web-identity-token eyJ.fixture --duration-seconds 3600 ' +
        '--query Credentials.[AccessKeyId,SecretAccessKey,SessionToken] --output text\n',
    );
  });

  it('fails the job when AWS refuses the token, naming the role', () => {
    const run = runStep(login, env, { aws: fake('echo AccessDenied >&2; exit 254') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`AWS refused the job's ID token for ${role}`);
    expect(run.stdout).not.toContain('ASIA');
  });

  it.each([
    ['no ID token', { ...env, AWS_ID_TOKEN: '' }, role, 'AWS_ID_TOKEN is not set'],
    ['no region', { ...env, AWS_REGION: '' }, role, 'AWS_REGION is not set'],
    ['no role (an unset variable)', env, '', 'no role ARN given'],
  ])('refuses %s before calling AWS', (_name, environment, roleArn, message) => {
    const run = runStep(`. tools/ci/bin/aws-web-identity.sh "${roleArn}"`, environment, {
      aws: fake('exit 0'),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('.gitlab-ci.yml image-push: push each built archive, or find it pushed', () => {
  // After installing skopeo and assuming the push role (tested above): the loop.
  const [install, login, loop] = jobScript('image-push');
  const plan =
    "mkdir -p plan && printf 'orders\\tapps/orders/Dockerfile\\t1.dkr.ecr.eu-west-1.amazonaws.com/platform-staging/orders\\tplatform-staging/orders\\n' > plan/images.tsv\n";
  const env = { CI_COMMIT_SHA: 'abc123' };
  const skopeo = fake(
    'for a in "$@"; do [ "$prev" = --digestfile ] && echo sha256:built > "$a"; prev=$a; done',
  );

  it('installs skopeo and assumes the push role first', () => {
    expect(install).toContain('apt-get install');
    expect(login).toBe('. tools/ci/bin/aws-web-identity.sh "$AWS_PUSH_ROLE_ARN_STAGING"');
  });

  it('pushes an archive ECR does not have yet, with an ECR login, and records its digest', () => {
    const run = runStep(`${plan}${loop}\ncat pushed.tsv`, env, {
      aws: fake(
        'case "$2" in describe-images) echo "An error occurred (ImageNotFoundException)" >&2; exit 254;; get-login-password) echo ecr-password;; esac',
      ),
      skopeo,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'orders\t1.dkr.ecr.eu-west-1.amazonaws.com/platform-staging/orders\tsha256:built\n',
    );
    expect(calls(run.directory)).toContain(
      'skopeo copy --all --preserve-digests --digestfile digest.txt --dest-creds AWS:ecr-password ' +
        'oci-archive:images/orders.tar docker://1.dkr.ecr.eu-west-1.amazonaws.com/platform-staging/orders:abc123',
    );
  });

  it('bumps to the image a re-run finds, pushing nothing', () => {
    const run = runStep(`${plan}${loop}\ncat pushed.tsv`, env, {
      aws: fake('echo sha256:pushed'),
      skopeo,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('platform-staging/orders\tsha256:pushed\n');
    expect(calls(run.directory)).not.toContain('skopeo');
  });

  it('fails, never reads "not pushed", when the role may not ask', () => {
    const run = runStep(`${plan}${loop}`, env, {
      aws: fake('echo "An error occurred (AccessDeniedException)" >&2; exit 254'),
      skopeo,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('AccessDeniedException');
    expect(calls(run.directory)).not.toContain('skopeo');
  });
});

describe('.gitlab-ci.yml bump: each pushed digest through `release bump`', () => {
  const [guard, ...rest] = jobScript('bump');
  const loop = rest.at(-1) ?? '';
  const env = { CI_COMMIT_SHA: 'abc123', CI_COMMIT_BRANCH: 'main' };

  it('refuses to start without the release bot’s token', () => {
    const run = runStep(guard ?? '', { RELEASE_BOT_TOKEN: '' }, {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('RELEASE_BOT_TOKEN is not set');
  });

  it('bumps staging to every pushed image, with its source commit, pushing to the branch', () => {
    const pushed =
      "printf 'orders\\tr.example/p/orders\\tsha256:aa\\nbilling\\tr.example/p/billing\\tsha256:bb\\n' > pushed.tsv\n";
    const run = runStep(`${pushed}${loop}`, env, { npm: fake('exit 0') });
    expect(run.status).toBe(0);
    expect(calls(run.directory)).toBe(
      [
        'npm run release -- bump --env staging --app orders --repository r.example/p/orders --image-digest sha256:aa --source-commit abc123 --push --branch main',
        'npm run release -- bump --env staging --app billing --repository r.example/p/billing --image-digest sha256:bb --source-commit abc123 --push --branch main',
        '',
      ].join('\n'),
    );
  });
});

describe('.gitlab-ci.yml review-note: one note, built by the review comment builder', () => {
  it('reads how the jobs ended, builds the comment from their artifacts, and upserts the note', () => {
    const run = runStep(
      jobScript('review-note').join('\n'),
      { CI_PIPELINE_URL: 'https://gitlab.example/p/-/pipelines/7', CI_COMMIT_SHA: 'abc123' },
      { npx: fake('exit 0') },
    );
    expect(run.status).toBe(0);
    expect(calls(run.directory).split('\n')).toEqual([
      'npx tsx tools/ci/src/gitlab/review-runs-main.ts --artifacts review --pipeline-url https://gitlab.example/p/-/pipelines/7',
      'npx tsx tools/ci/src/review-comment/review-comment-main.ts --runs runs.json --artifacts review --head-sha abc123',
      'npx tsx tools/ci/src/gitlab/merge-request-note-main.ts --marker platform-review --body review-note.md',
      '',
    ]);
  });
});

describe('.gitlab-ci.yml preview: infra.yml’s artifacts, one folder per program and stack', () => {
  const [started, role, login, loop = ''] = jobScript('preview');
  const workloadRole = 'arn:aws:iam::100000000002:role/platform-staging-west-gitlab-preview';
  const plan =
    'mkdir -p plan && printf ' +
    "'staging\\tinfra/cluster\\tinfra-cluster\\tstaging\\t-\\t-\\n" +
    'staging\\tinfra/other\\tinfra-other\\tstaging\\t-\\t-\\n' +
    `staging\\tinfra/cluster\\tinfra-cluster\\tstaging-west\\t${workloadRole}\\teu-west-3\\n` +
    "production\\tinfra/cluster\\tinfra-cluster\\tproduction\\t-\\t-\\n' > plan/preview-stacks.tsv\n";
  const env = {
    ENVIRONMENT: 'staging',
    STACK_ORG: 'acme',
    AWS_PREVIEW_ROLE_ARN_STAGING: 'arn:aws:iam::100000000001:role/platform-staging-gitlab-preview',
    AWS_REGION: 'eu-west-1',
    AWS_ID_TOKEN: 'eyJ.fixture',
  };
  // `pulumi` fails for the second program, as a refused policy or an error would; it prints
  // the region it runs in.
  const pulumi = fake(
    'case "$*" in *infra/other*) echo boom >&2; exit 255;; *) echo "{\\"steps\\": [], \\"region\\": \\"$AWS_REGION\\"}";; esac',
  );
  const aws = fake("printf 'ASIAWEST\\tsecret\\tsession\\n'");

  it('marks the environment as started, then assumes its preview role', () => {
    expect(started).toBe('mkdir -p review/infra && touch "review/infra/started-$ENVIRONMENT"');
    expect(role).toBe('role_variable="AWS_PREVIEW_ROLE_ARN_${ENVIRONMENT^^}"');
    expect(login).toBe('. tools/ci/bin/aws-web-identity.sh "${!role_variable}"');
  });

  it('keeps every stack’s digest and exit code, and fails when one preview failed', () => {
    const show =
      'for f in review/infra/*/outcome.json review/infra/infra-preview-infra-cluster-staging-west/preview.json; do cat "$f"; done';
    const run = runStep(`${plan}${started}\n${role}\n${loop}`, env, { pulumi, aws });
    expect(run.status).toBe(1);
    const after = runStep(
      `${plan}${started}\n${role}\n${loop.replace('exit "$status"', '')}\n${show}`,
      env,
      { pulumi, aws },
    );
    expect(after.stdout).toContain(
      '{"project": "infra-cluster", "environment": "staging", "stack": "staging", "exitCode": 0}\n',
    );
    expect(after.stdout).toContain(
      '{"project": "infra-other", "environment": "staging", "stack": "staging", "exitCode": 255}\n',
    );
    expect(after.stdout).toContain(
      '{"project": "infra-cluster", "environment": "staging", "stack": "staging-west", "exitCode": 0}\n',
    );
    // The workload cluster's stack: previewed in its region, with its own role.
    expect(after.stdout).toContain('{"steps": [], "region": "eu-west-3"}');
    const log = calls(after.directory);
    expect(log).toContain('pulumi preview --cwd infra/cluster --stack acme/infra-cluster/staging ');
    expect(log).toContain(
      'pulumi preview --cwd infra/cluster --stack acme/infra-cluster/staging-west ',
    );
    expect(log).toContain(`aws sts assume-role-with-web-identity --role-arn ${workloadRole} `);
    // Another environment's stacks are its own job's.
    expect(log).not.toContain('acme/infra-cluster/production');
  });

  it('records a workload stack whose role AWS refuses as a failed preview, and previews the rest', () => {
    const refused = fake('echo AccessDenied >&2; exit 254');
    const run = runStep(
      `${plan}${started}\n${role}\n${loop.replace('exit "$status"', 'echo "status=$status"')}\ncat review/infra/infra-preview-infra-cluster-staging-west/outcome.json`,
      env,
      { pulumi, aws: refused },
    );
    expect(run.stdout).toContain('status=1');
    expect(run.stdout).toContain('"stack": "staging-west", "exitCode": 1}');
    expect(calls(run.directory)).not.toContain('acme/infra-cluster/staging-west');
  });
});

describe('.gitlab-ci.yml up: each stack of the environment in apply order, with its own role', () => {
  const [role, login, loop = ''] = jobScript('.up');
  const workloadRole = 'arn:aws:iam::100000000002:role/platform-production-us-gitlab-deploy';
  const plan =
    'mkdir -p plan && printf ' +
    "'infra/cluster\\tinfra-cluster\\tproduction-hub\\t-\\teu-west-1\\n" +
    `infra/cluster\\tinfra-cluster\\tproduction-us\\t${workloadRole}\\tus-east-1\\n` +
    "infra/bootstrap\\tinfra-bootstrap\\tproduction\\t-\\t-\\n' > plan/programs-production.tsv\n";
  const env = {
    CI_ENVIRONMENT_NAME: 'production',
    STACK_ORG: 'acme',
    AWS_CI_ROLE_ARN_PRODUCTION:
      'arn:aws:iam::100000000001:role/platform-production-hub-gitlab-deploy',
    AWS_REGION: 'eu-central-1',
    AWS_ID_TOKEN: 'eyJ.fixture',
  };
  const pulumi = fake('echo "up in $AWS_REGION as $AWS_ACCESS_KEY_ID"');
  // Each role's credentials name it, so the log shows which role each up ran as.
  const aws = fake(
    'printf "ASIA%s\\tsecret\\tsession\\n" "$(echo "$*" | sed -E \'s/.*role\\/([^ ]*).*/\\1/\')"',
  );

  it("assumes the environment's deploy role first", () => {
    expect(role).toBe('role_variable="AWS_CI_ROLE_ARN_${CI_ENVIRONMENT_NAME^^}"');
    expect(login).toBe('. tools/ci/bin/aws-web-identity.sh "${!role_variable}"');
  });

  it("ups the hub, then the workload cluster with its role in its region, then the bootstrap with the environment's role again", () => {
    const run = runStep(`${plan}${role}\n${login}\n${loop}`, env, { pulumi, aws });
    expect(run.status).toBe(0);
    const ups = run.stdout.split('\n').filter((line) => line.startsWith('up in '));
    expect(ups).toEqual([
      'up in eu-west-1 as ASIAplatform-production-hub-gitlab-deploy',
      'up in us-east-1 as ASIAplatform-production-us-gitlab-deploy',
      'up in eu-central-1 as ASIAplatform-production-hub-gitlab-deploy',
    ]);
    const stacks = calls(run.directory)
      .split('\n')
      .filter((line) => line.startsWith('pulumi up'))
      .map((line) => /--stack (\S+)/.exec(line)?.[1]);
    expect(stacks).toEqual([
      'acme/infra-cluster/production-hub',
      'acme/infra-cluster/production-us',
      'acme/infra-bootstrap/production',
    ]);
  });
});
