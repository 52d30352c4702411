// Sets an environment's GitOps engine in libs/environments/src/environments.ts: the e2e's Flux
// job switches staging on its throwaway branch, before `npm start` re-renders it.
//   npx tsx tools/ci/src/e2e/set-engine-main.ts --env staging --engine flux
import { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { ENVIRONMENTS_FILE, setEngine } from './set-engine.js';

const options = new Command('set-engine')
  .requiredOption('--env <name>', 'the environment')
  .requiredOption('--engine <engine>', 'argocd or flux')
  .parse()
  .opts<{ env: string; engine: string }>();

try {
  const before = readFileSync(ENVIRONMENTS_FILE, 'utf8');
  writeFileSync(ENVIRONMENTS_FILE, setEngine(before, options.env, options.engine));
  process.stdout.write(`${ENVIRONMENTS_FILE}: ${options.env} runs ${options.engine}\n`);
} catch (error) {
  process.stderr.write(`set-engine: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
