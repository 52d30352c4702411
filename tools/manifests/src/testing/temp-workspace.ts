import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A throwaway workspace root: `nx.json`, an empty `apps/`, nothing rendered yet. */
export async function createTempWorkspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'manifests-'));
  await writeFile(join(root, 'nx.json'), '{}\n');
  await mkdir(join(root, 'apps'));
  return root;
}

export async function removeTempWorkspace(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** Every file under `directory` with its content, to prove a failed command changed nothing. */
export async function snapshotTree(directory: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result[relative(directory, full)] = await readFile(full, 'utf8');
    }
  };
  await walk(directory);
  return result;
}

/** Collects what a CLI run prints. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) },
    out,
    err,
  };
}
