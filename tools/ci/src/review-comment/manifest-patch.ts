/**
 * Splits the rendered manifests' patch (`git diff --no-renames <base>...<head> -- manifests/`,
 * what ci.yml keeps as an artifact) into files, grouped by environment: manifests/<env>/<app>/….
 * Every file of a git patch starts with a `diff --git ` line; no content line can, since git
 * prefixes each with ' ', '+', '-' or '\'.
 */
export interface ManifestFileDiff {
  readonly path: string;
  readonly app: string;
  readonly status: 'added' | 'removed' | 'changed';
  /** The file's whole patch, its `diff --git` header included. */
  readonly patch: string;
}

const FILE_HEADER = /^diff --git a\/(\S+) b\/(\S+)$/;

export function splitManifestPatch(patch: string): Map<string, ManifestFileDiff[]> {
  const byEnvironment = new Map<string, ManifestFileDiff[]>();
  const lines = patch.split('\n');
  let index = 0;
  while (index < lines.length) {
    const header = FILE_HEADER.exec(lines[index] ?? '');
    if (!header) {
      index++;
      continue;
    }
    const start = index;
    const end = lines.findIndex((line, i) => i > index && line.startsWith('diff --git '));
    const fileLines = lines.slice(index + 1, end === -1 ? lines.length : end);
    index = end === -1 ? lines.length : end;
    const path = header[2] ?? '';
    const [root, environment, app] = path.split('/');
    if (root !== 'manifests' || !environment || !app) continue;
    const status = fileLines.some((l) => l.startsWith('new file mode'))
      ? 'added'
      : fileLines.some((l) => l.startsWith('deleted file mode'))
        ? 'removed'
        : 'changed';
    const files = byEnvironment.get(environment) ?? [];
    files.push({
      path,
      app,
      status,
      patch: [lines[start] ?? '', ...fileLines].join('\n').trimEnd(),
    });
    byEnvironment.set(environment, files);
  }
  return byEnvironment;
}
