// Prints the host an app is reached at through an environment's Gateway, `<app>.<domain>`,
// from libs/environments (e2e on kind: the curl through the Gateway resolves it to 127.0.0.1).
//   npx tsx tools/ci/src/e2e/gateway-host-main.ts --env staging --app demo-service
import { workspaceEnvironments } from '@platform/environments';
import { Command } from 'commander';
import { gatewayHost } from './gateway-host.js';

const options = new Command('gateway-host')
  .requiredOption('--env <name>', 'the environment')
  .requiredOption('--app <name>', 'the app')
  .parse()
  .opts<{ env: string; app: string }>();

process.stdout.write(`${gatewayHost(workspaceEnvironments, options.env, options.app)}\n`);
