// Waits until Argo CD reports every expected Application Synced and Healthy (e2e on kind).
//   npx tsx tools/ci/src/e2e/wait-for-applications-main.ts --app staging-demo-service [--timeout 600]
import { execFileSync } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import { applicationsReport } from './argo-applications.js';

const seconds = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a positive integer');
  return parsed;
};
const options = new Command('wait-for-applications')
  .requiredOption('--app <names...>', 'Application names to wait for')
  .option('--namespace <namespace>', 'Argo CD namespace', 'argocd')
  .option('--timeout <seconds>', 'give up after', seconds, 600)
  .parse()
  .opts<{ app: string[]; namespace: string; timeout: number }>();

const deadline = Date.now() + options.timeout * 1000;
for (;;) {
  const json = execFileSync(
    'kubectl',
    ['get', 'applications.argoproj.io', '-n', options.namespace, '-o', 'json'],
    { encoding: 'utf8' },
  );
  const report = applicationsReport(JSON.parse(json) as never, options.app);
  if (report.ready) {
    process.stdout.write(`all ${options.app.length} Applications are Synced and Healthy\n`);
    break;
  }
  if (Date.now() > deadline) {
    process.stderr.write(
      `timed out after ${options.timeout} s waiting for:\n  ${report.waitingFor.join('\n  ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`waiting: ${report.waitingFor.join('; ')}\n`);
  await new Promise((resolve) => setTimeout(resolve, 10_000));
}
