// Prints `stack=<stack>` for $GITHUB_OUTPUT: the infra/cluster stack of the cluster that runs the
// environment's GitOps engine (its hub's, or the one named after it), which drift.yml reads.
//   npx tsx tools/ci/src/affected/engine-stack-main.ts --environment staging
import { Command } from 'commander';
import { workspaceEnvironments } from '@platform/environments';
import { engineStack } from './environment-stacks.js';

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
process.stdout.write(`stack=${engineStack(environment)}\n`);
