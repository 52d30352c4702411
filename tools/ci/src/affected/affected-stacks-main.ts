// Prints `<output>=<json>` lines for $GITHUB_OUTPUT: the affected Pulumi programs, in apply order.
//   npx tsx tools/ci/src/affected/affected-stacks-main.ts [--base <sha>] [--head <sha>] [--all] [--exclude infra/x] [--output name]
// Without an environment flag: the programs alone ({ project, dir, name }), in apply order.
// With one: each program's stacks in those environments, in apply order ({ …, environment, stack,
// region?, roleArn? }; environment-stacks.ts), the role ARNs of `--role` (deploy, or preview):
//   --environment <env...>   the stacks of these environments, one list
//   --every-environment      the stacks of every environment, one list (previews, drift)
//   --per-environment        one list per environment, output named after it (the ups)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { workspaceEnvironments, type Environment } from '@platform/environments';
import { planAffected } from './affected.js';
import { affectedPrograms, type PulumiProgram } from './affected-stacks.js';
import { CLUSTER_PROGRAM, environmentStacks } from './environment-stacks.js';
import { CI_ROLE_KINDS, type CiRoleKind } from './stack-ci-role.js';
import { workloadCredentials } from './workload-credentials.js';

const options = new Command('affected-stacks')
  .option('--base <ref>')
  .option('--head <ref>')
  .option('--all', 'every program')
  .option('--exclude <dirs...>', 'leave these program directories out', [])
  .option('--output <name>', 'the output name', 'programs')
  .option('--environment <names...>', "these environments' stacks, one list")
  .option('--every-environment', "every environment's stacks, one list")
  .option('--per-environment', 'one list per environment, named after it')
  .addOption(
    new Option('--role <kind>', "the workload stacks' role ARNs")
      .choices(CI_ROLE_KINDS)
      .default('deploy'),
  )
  .parse()
  .opts<{
    base?: string;
    head?: string;
    all?: boolean;
    exclude: string[];
    output: string;
    environment?: string[];
    everyEnvironment?: boolean;
    perEnvironment?: boolean;
    role: CiRoleKind;
  }>();

const modes = [options.environment, options.everyEnvironment, options.perEnvironment].filter(
  (mode) => mode !== undefined,
);
if (modes.length > 1) {
  throw new Error('give one of --environment, --every-environment and --per-environment');
}
const chosen = (options.environment ?? []).map((name) => {
  const environment = workspaceEnvironments.find((e) => e.name === name);
  if (!environment) {
    throw new Error(
      `--environment '${name}' is not an environment of libs/environments (known: ${workspaceEnvironments.map((e) => e.name).join(', ')})`,
    );
  }
  return environment;
});

const plan = options.all
  ? undefined
  : planAffected({
      targets: ['typecheck'],
      cwd: process.cwd(),
      ...(options.base ? { base: options.base } : {}),
      ...(options.head ? { head: options.head } : {}),
    });
const projects =
  !plan || plan.mode === 'all'
    ? 'all'
    : (JSON.parse(
        execFileSync(
          'npx',
          [
            'nx',
            'show',
            'projects',
            '--affected',
            `--base=${plan.base}`,
            `--head=${plan.head}`,
            '--json',
          ],
          { encoding: 'utf8' },
        ),
      ) as string[]);
const programs = affectedPrograms(process.cwd(), projects).filter(
  (program) => !options.exclude.includes(program.dir),
);
const stacksOf = (environment: Environment, list: readonly PulumiProgram[]) =>
  environmentStacks(
    list,
    environment,
    workloadCredentials(join(process.cwd(), CLUSTER_PROGRAM), environment, options.role),
  );
const line = (name: string, value: unknown) =>
  process.stdout.write(`${name}=${JSON.stringify(value)}\n`);

if (options.perEnvironment) {
  for (const environment of workspaceEnvironments)
    line(environment.name, stacksOf(environment, programs));
} else if (options.everyEnvironment || options.environment) {
  const environments = options.everyEnvironment ? workspaceEnvironments : chosen;
  line(
    options.output,
    environments.flatMap((environment) => stacksOf(environment, programs)),
  );
} else {
  line(options.output, programs);
}
