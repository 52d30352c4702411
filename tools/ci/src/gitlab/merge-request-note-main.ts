// Posts a file as the merge request's one note of that marker, or edits the note posted before.
//   npx tsx tools/ci/src/gitlab/merge-request-note-main.ts --marker platform-review --body review-note.md
// Reads CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID (set by GitLab in merge-request
// pipelines) and the token from $GITLAB_NOTE_TOKEN (a project access token, scope api, role Reporter).
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { gitlabClient, upsertNote } from './merge-request-note.js';

const options = new Command('merge-request-note')
  .requiredOption('--marker <name>', 'the hidden marker that finds the note again')
  .requiredOption('--body <file>', 'the note, in Markdown')
  .parse()
  .opts<{ marker: string; body: string }>();
const env = (name: string) => {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(
      `merge-request-note: ${name} is not set (this runs in a GitLab merge-request pipeline)\n`,
    );
    process.exit(1);
  }
  return value;
};
const client = gitlabClient(env('GITLAB_NOTE_TOKEN'), env('CI_API_V4_URL'));
const target = { projectId: env('CI_PROJECT_ID'), mergeRequestIid: env('CI_MERGE_REQUEST_IID') };
try {
  const result = await upsertNote(
    client,
    target,
    options.marker,
    readFileSync(options.body, 'utf8'),
  );
  process.stdout.write(
    `merge request !${target.mergeRequestIid}: note ${result.noteId} ${result.action}\n`,
  );
} catch (error) {
  process.stderr.write(`merge-request-note: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
