import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceEnvironments } from '@platform/environments';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT, stepScript } from './testing/run-workflow-step.js';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly environment?: string;
  readonly if?: string;
  readonly needs?: string | readonly string[];
  readonly outputs?: Record<string, string>;
  readonly strategy?: {
    readonly 'max-parallel'?: number;
    readonly matrix?: Record<string, unknown>;
  };
  readonly steps: readonly Step[];
}
const jobsOf = (file: string) =>
  (
    parse(readFileSync(join(WORKSPACE_ROOT, '.github/workflows', file), 'utf8')) as {
      jobs: Record<string, Job>;
    }
  ).jobs;
const credentials = (job: Job | undefined) =>
  job?.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))?.with ?? {};
const stepEnv = (job: Job | undefined, name: string) =>
  job?.steps.find((s) => s.name === name)?.env ?? {};

/**
 * The stacks are the data's (libs/environments, expanded by tools/ci/src/affected), never a list
 * in a workflow: adding a cluster to an environment must make CI preview and apply its stack.
 */
describe('infra.yml: the stacks come from the plan, in apply order', () => {
  const jobs = jobsOf('infra.yml');

  it('plans one list per environment and one list of previews', () => {
    const plan = stepScript('infra.yml', 'plan', 'programs');
    expect(plan).toContain(
      'affected-stacks-main.ts --base "$NX_BASE" --head "$NX_HEAD" --per-environment',
    );
    expect(plan).toContain(
      '--every-environment --role preview --exclude infra/bootstrap --output preview',
    );
    expect(Object.keys(jobs['plan']?.outputs ?? {}).sort()).toEqual(
      [...workspaceEnvironments.map((e) => e.name), 'preview'].sort(),
    );
  });

  it('previews every planned stack with its own preview role, else its environment’s', () => {
    const preview = jobs['preview'];
    expect(preview?.strategy?.matrix).toEqual({
      target: '${{ fromJSON(needs.plan.outputs.preview) }}',
    });
    expect(credentials(preview)).toEqual({
      'role-to-assume':
        "${{ matrix.target.roleArn || (matrix.target.environment == 'production' && vars.AWS_PREVIEW_ROLE_ARN_PRODUCTION || vars.AWS_PREVIEW_ROLE_ARN_STAGING) }}",
      'aws-region': '${{ matrix.target.region || vars.AWS_REGION }}',
    });
    expect(stepEnv(preview, 'Preview, with the policy pack')['STACK']).toBe(
      "${{ vars.PULUMI_ORG || 'organization' }}/${{ matrix.target.name }}/${{ matrix.target.stack }}",
    );
    expect(stepEnv(preview, 'Keep the preview for the review comment')['ENVIRONMENT']).toBe(
      '${{ matrix.target.environment }}',
    );
  });

  it.each(workspaceEnvironments.map((e) => e.name))(
    'up-%s applies its environment’s stacks one at a time, each with its own deploy role and region, else the environment’s',
    (environment) => {
      const up = jobs[`up-${environment}`];
      const variable = `AWS_CI_ROLE_ARN_${environment.toUpperCase()}`;
      expect(up?.environment).toBe(environment);
      expect(up?.strategy?.['max-parallel']).toBe(1);
      expect(up?.strategy?.matrix).toEqual({
        program: `\${{ fromJSON(needs.plan.outputs.${environment}) }}`,
      });
      expect(credentials(up)).toEqual({
        'role-to-assume': `\${{ matrix.program.roleArn || vars.${variable} }}`,
        'aws-region': '${{ matrix.program.region || vars.AWS_REGION }}',
      });
      expect(stepEnv(up, 'Up, with the policy pack')['STACK']).toBe(
        "${{ vars.PULUMI_ORG || 'organization' }}/${{ matrix.program.name }}/${{ matrix.program.stack }}",
      );
    },
  );

  it('applies production only after staging', () => {
    expect(jobs['up-production']?.needs).toEqual(['plan', 'up-staging']);
  });
});

describe('drift.yml: every stack of each environment, and the cluster that runs its engine', () => {
  const jobs = jobsOf('drift.yml');

  it('checks every planned stack with its own preview role, else its environment’s', () => {
    expect(stepScript('drift.yml', 'plan', 'programs')).toContain(
      '--all --exclude infra/bootstrap --every-environment --role preview',
    );
    const pulumi = jobs['pulumi'];
    expect(pulumi?.strategy?.matrix).toEqual({
      target: '${{ fromJSON(needs.plan.outputs.programs) }}',
    });
    expect(credentials(pulumi)['role-to-assume']).toBe(
      "${{ matrix.target.roleArn || (matrix.target.environment == 'production' && vars.AWS_PREVIEW_ROLE_ARN_PRODUCTION || vars.AWS_PREVIEW_ROLE_ARN_STAGING) }}",
    );
    expect(stepEnv(pulumi, 'Preview after a refresh, expecting no changes')).toMatchObject({
      STACK: '${{ matrix.target.stack }}',
      ENVIRONMENT: '${{ matrix.target.environment }}',
    });
  });

  it('reads the engine in the cluster engine-stack names (the hub’s, in its region)', () => {
    const gitops = jobs['gitops'];
    // One check per environment: its one cluster, or its hub.
    expect(gitops?.strategy?.matrix).toEqual({
      environment: workspaceEnvironments.map((e) => e.name),
    });
    expect(stepScript('drift.yml', 'gitops', 'engine')).toBe(
      'npx tsx tools/ci/src/affected/engine-stack-main.ts --environment "$ENVIRONMENT" >> "$GITHUB_OUTPUT"',
    );
    expect(credentials(gitops)['aws-region']).toBe(
      '${{ steps.engine.outputs.region || vars.AWS_REGION }}',
    );
    expect(stepEnv(gitops, "Read the GitOps engine's objects")['STACK_REF']).toBe(
      "${{ vars.PULUMI_ORG || 'organization' }}/infra-cluster/${{ steps.engine.outputs.stack }}",
    );
  });
});
