// Waits until Argo CD reports every expected Application Synced and Healthy (e2e on kind);
// with --all, every Application that exists too (the platform's add-ons).
//   npx tsx tools/ci/src/e2e/wait-for-applications-main.ts --app platform staging-demo-service [--all] [--timeout 600]
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
  .option('--all', 'also wait for every Application that exists', false)
  .option('--namespace <namespace>', 'Argo CD namespace', 'argocd')
  .option('--timeout <seconds>', 'give up after', seconds, 600)
  .parse()
  .opts<{ app: string[]; all: boolean; namespace: string; timeout: number }>();

const deadline = Date.now() + options.timeout * 1000;
for (;;) {
  const json = execFileSync(
    'kubectl',
    ['get', 'applications.argoproj.io', '-n', options.namespace, '-o', 'json'],
    { encoding: 'utf8' },
  );
  const list = JSON.parse(json) as { items?: readonly unknown[] };
  const report = applicationsReport(list as never, options.app, { all: options.all });
  if (report.ready) {
    const count = options.all ? (list.items?.length ?? 0) : options.app.length;
    process.stdout.write(`all ${count} Applications are Synced and Healthy\n`);
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
