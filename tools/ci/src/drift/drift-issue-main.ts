// Opens, updates or closes each environment's drift issue from the artifacts of drift.yml's
// checks (Pulumi previews after a refresh, the GitOps engine's objects), downloaded into --artifacts.
// Exits 1 when a check failed (its environment's drift is unknown); drift itself is the issue.
//   npx tsx tools/ci/src/drift/drift-issue-main.ts --artifacts artifacts --programs '[{"name":"infra-cluster","stack":"staging","environment":"staging",…}]'
import { Command, InvalidArgumentError } from 'commander';
import { workspaceEnvironments } from '@platform/environments';
import { readDriftArtifacts, type CheckedStack } from './drift-artifacts.js';
import { driftVerdict, githubClient, syncDriftIssue } from './drift-issue.js';

const options = new Command('drift-issue')
  .requiredOption('--artifacts <directory>', "where the checks' artifacts were downloaded")
  .requiredOption(
    '--programs <json>',
    "the stacks the checks previewed (affected-stacks-main's --every-environment output)",
    (value: string): CheckedStack[] => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        throw new InvalidArgumentError(`expected a JSON list of stacks, got ${value}`);
      }
      const isStack = (p: unknown) =>
        ['name', 'stack', 'environment'].every(
          (key) => typeof (p as Record<string, unknown>)[key] === 'string',
        );
      if (!Array.isArray(parsed) || !parsed.every(isStack))
        throw new InvalidArgumentError(
          `expected a JSON list of stacks with a name, stack and environment, got ${value}`,
        );
      return (parsed as { name: string; stack: string; environment: string }[]).map((p) => ({
        project: p.name,
        stack: p.stack,
        environment: p.environment,
      }));
    },
  )
  .parse()
  .opts<{ artifacts: string; programs: CheckedStack[] }>();
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (this runs in GitHub Actions)`);
  return value;
};
const repository = env('GITHUB_REPOSITORY');
const runUrl = `${env('GITHUB_SERVER_URL')}/${repository}/actions/runs/${env('GITHUB_RUN_ID')}`;
const client = githubClient(env('GITHUB_TOKEN'), process.env['GITHUB_API_URL']);
const drifts = readDriftArtifacts(
  options.artifacts,
  workspaceEnvironments.map((environment) => environment.name),
  options.programs,
  runUrl,
);
let unknown = 0;
for (const drift of drifts) {
  const verdict = driftVerdict(drift);
  if (verdict === 'unknown') unknown++;
  const result = await syncDriftIssue(client, repository, drift);
  process.stdout.write(
    `${drift.environment}: ${verdict}; issue ${result.number === undefined ? '(none)' : `#${result.number}`} ${result.action}\n`,
  );
}
if (unknown > 0) {
  process.stderr.write(
    `${unknown} environment(s) could not be checked: see the check jobs (their issues are left as they were)\n`,
  );
  process.exit(1);
}
