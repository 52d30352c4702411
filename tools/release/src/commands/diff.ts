import { MANIFESTS_DIRECTORY } from '@platform/manifests';
import type { ReleaseContext } from '../release-context.js';
import { ReleaseError } from '../release-error.js';

export interface DiffOptions {
  readonly base: string;
  /** @default 'HEAD' */
  readonly head?: string;
  readonly format?: 'text' | 'markdown';
  /** Cut the output to this many bytes (GitHub comments take 65,536 characters). @default 60000 */
  readonly maxBytes?: number;
}

interface FileChange {
  readonly status: string;
  readonly path: string;
  readonly environment: string;
  readonly app: string;
  readonly patch: string;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  A: 'added',
  M: 'changed',
  D: 'removed',
  R: 'renamed',
};

/** `diff`: the rendered manifest changes between two refs, grouped by environment and app, cut to fit. */
export async function diff(context: ReleaseContext, options: DiffOptions): Promise<string> {
  const resolve = (ref: string) =>
    context.git.resolve(ref).catch(() => {
      throw new ReleaseError(`'${ref}' is not a commit in this repository (fetch it first?)`);
    });
  const head = await resolve(options.head ?? 'HEAD');
  // What the head branch changes since it left the base, not what the base did since then:
  // a pull request's diff must not show the bumps merged to main meanwhile, reversed.
  const base = await context.git.mergeBase(await resolve(options.base), head);
  const nameStatus = await context.git.git.raw([
    'diff',
    '--name-status',
    '--no-renames',
    base,
    head,
    '--',
    MANIFESTS_DIRECTORY,
  ]);
  const changes: FileChange[] = [];
  for (const line of nameStatus.split('\n').filter(Boolean)) {
    const [status = '', path = ''] = line.split('\t');
    const [, environment = '', app = ''] = path.split('/');
    const patch = await context.git.git.raw([
      'diff',
      '--no-color',
      '--unified=3',
      base,
      head,
      '--',
      path,
    ]);
    const lines = patch.split('\n');
    // From the first hunk: the header lines only repeat the path.
    const hunk = lines.findIndex((l) => l.startsWith('@@'));
    changes.push({
      status,
      path,
      environment,
      app,
      patch: lines.slice(Math.max(hunk, 0)).join('\n').trimEnd(),
    });
  }
  const markdown = options.format === 'markdown';
  return render(changes, {
    markdown,
    maxBytes: options.maxBytes ?? 60_000,
    range: `${base.slice(0, 12)}..${head.slice(0, 12)}`,
    base: options.base,
    head: options.head ?? 'HEAD',
  });
}

function render(
  changes: readonly FileChange[],
  o: { markdown: boolean; maxBytes: number; range: string; base: string; head: string },
): string {
  const title = o.markdown
    ? `### Rendered manifest changes (${o.range})`
    : `Rendered manifest changes (${o.range})`;
  if (changes.length === 0) return `${title}\n\nNo rendered manifest changes.\n`;
  const out: string[] = [title, ''];
  const omitted: string[] = [];
  let size = Buffer.byteLength(title) + 400; // room for the note at the end
  const groups = new Map<string, FileChange[]>();
  for (const change of changes)
    groups.set(`${change.environment}/${change.app}`, [
      ...(groups.get(`${change.environment}/${change.app}`) ?? []),
      change,
    ]);
  for (const [group, files] of groups) {
    const counts = Object.entries(STATUS_WORDS)
      .map(([code, word]) => [word, files.filter((f) => f.status.startsWith(code)).length] as const)
      .filter(([, n]) => n > 0)
      .map(([word, n]) => `${n} ${word}`)
      .join(', ');
    const heading = o.markdown ? `#### \`${group}\`: ${counts}` : `== ${group}: ${counts}`;
    out.push(heading);
    size += Buffer.byteLength(heading) + 1;
    for (const file of files) {
      const block = o.markdown
        ? `<details><summary>${STATUS_WORDS[file.status[0] ?? ''] ?? file.status} <code>${file.path}</code></summary>\n\n\`\`\`diff\n${file.patch}\n\`\`\`\n\n</details>`
        : `--- ${file.path} (${STATUS_WORDS[file.status[0] ?? ''] ?? file.status})\n${file.patch}`;
      const bytes = Buffer.byteLength(block) + 1;
      if (size + bytes > o.maxBytes) {
        omitted.push(file.path);
        continue;
      }
      out.push(block);
      size += bytes;
    }
    out.push('');
  }
  if (omitted.length > 0) {
    out.push(
      `${o.markdown ? '> ' : ''}${omitted.length} of ${changes.length} changed files are not shown, to stay under ${o.maxBytes} bytes. ` +
        `See them all with \`npm run release -- diff --base ${o.base} --head ${o.head}\`.`,
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
