import { Catalog, defaultRepository } from '@platform/environments';
import { ImageStore } from '@platform/image-catalog';
import { FsTree, flushChanges } from 'nx/src/generators/tree.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import serviceGenerator from '../../src/generators/service/generator.js';
import { WorkspaceCopy } from '../../src/testing/workspace-copy.js';
import { serviceNames } from './report.js';

/** A copy of this workspace with `services` generated services, an image each, and a bare remote. */
export interface ScaleWorkspace {
  readonly copy: WorkspaceCopy;
  /** The generated apps, in the order they were made. */
  readonly services: readonly string[];
  /** The local bare repository `origin` points at. */
  readonly remote: string;
  readonly generateSeconds: number;
  /** Removes the copy and the remote. */
  readonly remove: () => void;
}

/** The tag every generated service starts with, in every environment. */
export const FIRST_TAG = 'scale-1';

/**
 * Copies the workspace (what a clone holds, node_modules linked), generates the services with
 * the real service generator, gives each an image in every environment, commits, and pushes to
 * a local bare remote.
 */
export async function createScaleWorkspace(count: number): Promise<ScaleWorkspace> {
  const copy = WorkspaceCopy.create();
  const remote = mkdtempSync(join(tmpdir(), 'scale-remote-'));
  const remove = () => {
    copy.remove();
    rmSync(remote, { recursive: true, force: true });
  };
  try {
    const catalog = Catalog.discover(copy.root);
    const services = serviceNames(count, new Set(catalog.appNames()));
    const started = performance.now();
    for (const name of services) await generateInProcess(copy.root, name);
    const generateSeconds = (performance.now() - started) / 1000;
    linkWorkspacePackages(copy.root, services);
    await writeImages(copy.root, catalog, services);
    copy.commit(`${count} generated services`);
    copy.git('init', '-q', '--bare', '-b', 'main', remote);
    copy.git('remote', 'add', 'origin', remote);
    copy.git('push', '-q', '-u', 'origin', 'main');
    return { copy, services, remote, generateSeconds, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * Runs the service generator as `nx g` would, on a tree of the copy's files, and writes its
 * changes. One tree per service: the generator formats every change of its tree, so one tree
 * for all of them would format the first service N times.
 */
async function generateInProcess(root: string, name: string): Promise<void> {
  const tree = new FsTree(root, false);
  const callback = await serviceGenerator(tree, { name });
  if (callback) {
    throw new Error(
      `generating ${name} needs an npm install (the workspace lacks one of its packages): the benchmark runs offline`,
    );
  }
  flushChanges(root, tree.listChanges());
}

/**
 * The links `npm install` would add for the new workspace packages (`node_modules/@platform/<app>`
 * and `<app>-deploy`), pointing at the copy's folders like the links of the packages it had.
 */
function linkWorkspacePackages(root: string, services: readonly string[]): void {
  const lockfile = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string; link?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lockfile.packages)) {
    if (!entry.link || !entry.resolved || existsSync(join(root, path))) continue;
    if (!services.some((name) => entry.resolved?.startsWith(`apps/${name}`))) continue;
    symlinkSync(join(root, entry.resolved), join(root, path));
  }
}

/** Every service's first image in every environment, as `release bump` would write it. */
async function writeImages(
  root: string,
  catalog: Catalog,
  services: readonly string[],
): Promise<void> {
  const images = new ImageStore(root);
  for (const environment of catalog.environments) {
    for (const name of services) {
      await images.write(environment.name, name, {
        repository: defaultRepository(environment, name),
        tag: FIRST_TAG,
      });
    }
  }
}
