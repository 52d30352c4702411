// Checks a GitLab pipeline file against GitLab's CI schema (gitlab-ci-local's), offline.
//   npx tsx tools/ci/src/gitlab/gitlab-ci-schema-main.ts [.gitlab-ci.yml]
import { existsSync } from 'node:fs';
import { checkGitlabCi } from './gitlab-ci-schema.js';

const file = process.argv[2] ?? '.gitlab-ci.yml';
if (!existsSync(file)) {
  process.stderr.write(`gitlab-ci-schema: no file '${file}'\n`);
  process.exit(1);
}
const check = checkGitlabCi(file);
if (check.valid) {
  process.stdout.write(`${file}: valid against GitLab's CI schema\n`);
} else {
  process.stderr.write(`${file}: invalid\n${check.output}\n`);
  process.exitCode = 1;
}
