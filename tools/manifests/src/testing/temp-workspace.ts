import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { testEnvironments } from '@platform/environments/testing';

/**
 * A throwaway workspace root: `nx.json`, an empty `apps/`, a cluster stack per test environment
 * (see writeClusterStack), nothing rendered yet.
 */
export async function createTempWorkspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'manifests-'));
  await writeFile(join(root, 'nx.json'), '{}\n');
  await mkdir(join(root, 'apps'));
  for (const { name } of testEnvironments) await writeClusterStack(root, name);
  return root;
}

/**
 * Writes infra/cluster/Pulumi.<environment>.yaml declaring a target Kubernetes version, or
 * replaces it with `text`. @default '1.27': serves every kind the fixtures render and is the
 * API cdk8s-plus-27 describes, so the version guard prints no warning in tests that expect none.
 */
export async function writeClusterStack(
  root: string,
  environment: string,
  version = '1.27',
  text = `config:\n  infra-cluster:kubernetesVersion: '${version}'\n`,
): Promise<void> {
  await mkdir(join(root, 'infra/cluster'), { recursive: true });
  await writeFile(join(root, `infra/cluster/Pulumi.${environment}.yaml`), text);
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
