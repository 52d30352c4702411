import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceEnvironments } from '@platform/environments';
import { describe, expect, it } from 'vitest';
import { writeFileTree } from '../testing/file-tree.js';
import { REVIEW_COMMENT_MARKER } from './review-comment.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('review-comment-main (the comment job of pr-comment.yml)', () => {
  it('prints the comment from runs.json and the downloaded artifacts, with the workspace’s environments', () => {
    const directory = writeFileTree({
      'artifacts/ci/manifest-diff/manifest-diff.patch': fixture('fixtures/manifests-small.patch'),
      'runs.json': JSON.stringify({
        ci: {
          status: 'completed',
          conclusion: 'success',
          html_url: 'https://github.com/acme/platform/actions/runs/1',
          artifacts: [{ id: 7, name: 'manifest-diff' }],
        },
        infra: {
          status: 'queued',
          conclusion: null,
          html_url: 'https://github.com/acme/platform/actions/runs/2',
          artifacts: [],
        },
      }),
    });
    const comment = execFileSync(
      join(root, 'node_modules/.bin/tsx'),
      [
        join(root, 'tools/ci/src/review-comment/review-comment-main.ts'),
        '--runs',
        join(directory, 'runs.json'),
        '--artifacts',
        join(directory, 'artifacts'),
        '--head-sha',
        'f'.repeat(40),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(comment.startsWith(REVIEW_COMMENT_MARKER)).toBe(true);
    // Every environment of libs/environments, in promotion order; the last one is production.
    const names = workspaceEnvironments.map((environment) => environment.name);
    expect([...comment.matchAll(/^### `(.+)`$/gm)].map((m) => m[1])).toEqual(
      expect.arrayContaining(names),
    );
    expect(comment.indexOf(`### \`${names[0]}\``)).toBeLessThan(
      comment.indexOf(`### \`${names.at(-1)}\``),
    );
    expect(comment).toContain('⏳ Still waiting for `infra`.');
  }, 30_000);
});
