// Prints `stack=<stack>` and `region=<region>` for $GITHUB_OUTPUT: the infra/cluster stack of the
// cluster that runs the environment's GitOps engine, which drift.yml reads: its hub's, with the
// hub's region, or the one named after it, with an empty region (the job's AWS_REGION).
//   npx tsx tools/ci/src/affected/engine-stack-main.ts --environment staging
import { Command } from 'commander';
import { engineClusterStack, workspaceEnvironments } from '@platform/environments';

const { environment: name } = new Command('engine-stack')
  .requiredOption('--environment <name>', 'an environment of libs/environments')
  .parse()
  .opts<{ environment: string }>();
const environment = workspaceEnvironments.find((e) => e.name === name);
if (!environment) {
  throw new Error(
    `--environment '${name}' is not an environment of libs/environments (known: ${workspaceEnvironments.map((e) => e.name).join(', ')})`,
  );
}
const { stack, region } = engineClusterStack(environment);
process.stdout.write(`stack=${stack}\nregion=${region ?? ''}\n`);
