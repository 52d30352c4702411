import {
  formatFiles,
  generateFiles,
  names,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import {
  appLayout,
  appNameProblem,
  reservedNameProblem,
  workspaceEnvironments,
} from '@platform/environments';
import { platformServiceContract } from '@platform/service-contracts';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addWorkspacePackages } from '../../tree/package-lock.js';
import { resolveVersions } from './package-versions.js';
import { SERVICE_KINDS, type ServiceGeneratorSchema, type ServiceKind } from './schema.js';

const TEMPLATES = fileURLToPath(new URL('./files', import.meta.url));

/**
 * The template folders of each kind, over `common/`: `[folder, where under apps/<name>]`. A
 * stateful app is a web service whose chart gives it a volume.
 */
const KIND_TEMPLATES: Readonly<Record<ServiceKind, readonly (readonly [string, string])[]>> = {
  web: [['web', '']],
  worker: [['worker', '']],
  cron: [['cron', '']],
  stateful: [
    ['web/src', 'src'],
    ['stateful', ''],
  ],
};
/** Where a workspace's own packages are published: `@platform/<app>`, `@platform/<app>-deploy`. */
const SCOPE = '@platform';
const WORKSPACE_VERSION = '0.0.0';

/** A refusal: one line naming the problem; the generator writes nothing. */
export class ServiceGeneratorError extends Error {
  override name = 'ServiceGeneratorError';
}

/** Why `name` cannot be a new app in this tree, or undefined. */
export function serviceNameProblem(tree: Tree, name: string): string | undefined {
  const problem = appNameProblem(name) ?? reservedNameProblem(name, workspaceEnvironments);
  if (problem) return problem;
  if (tree.exists(appLayout(name).folder)) return `${appLayout(name).folder} already exists`;
  return undefined;
}

/**
 * `nx g @platform/workspace-plugin:service <name>`: writes `apps/<name>/` (the service on the
 * runtime, its Dockerfile, its chart under `deploy/`, their tests) and, outside it, only the
 * TypeScript references of the root tsconfig.json and the lockfile's two workspace entries.
 * Targets come from the workspace plugin; the catalog finds the app by its folder.
 */
export default async function serviceGenerator(
  tree: Tree,
  options: ServiceGeneratorSchema,
): Promise<GeneratorCallback | undefined> {
  const name = options.name.trim();
  const problem = serviceNameProblem(tree, name);
  if (problem) throw new ServiceGeneratorError(`cannot add service: ${problem}`);
  const kind = options.kind ?? 'web';
  if (!SERVICE_KINDS.includes(kind)) {
    throw new ServiceGeneratorError(
      `cannot add service: --kind '${String(kind)}' is not one of ${SERVICE_KINDS.join(', ')}`,
    );
  }

  const layout = appLayout(name);
  const { versions, missing } = resolveVersions(tree);
  const service = {
    dependencies: { [`${SCOPE}/service-runtime`]: WORKSPACE_VERSION },
    devDependencies: {
      [`${SCOPE}/service-contracts`]: WORKSPACE_VERSION,
      '@types/express': versions['@types/express'],
      '@types/supertest': versions['@types/supertest'],
      'dockerfile-ast': versions['dockerfile-ast'],
      supertest: versions.supertest,
    },
  };
  const chart = {
    dependencies: {
      [`${SCOPE}/environments`]: WORKSPACE_VERSION,
      [`${SCOPE}/workloads`]: WORKSPACE_VERSION,
      cdk8s: versions.cdk8s,
      constructs: versions.constructs,
    },
    devDependencies: { [`${SCOPE}/service-contracts`]: WORKSPACE_VERSION },
  };
  const description =
    options.description ??
    `The ${name} ${kind === 'cron' ? 'job' : kind === 'worker' ? 'worker' : 'service'}.`;

  const substitutions = {
    tmpl: '',
    kind,
    name,
    className: names(name).className,
    description,
    contract: platformServiceContract,
    buildImage: 'node:22-trixie-slim',
    runtimeImage: 'gcr.io/distroless/nodejs22-debian13:nonroot',
    ...sortedDeps(service),
    chartDependencies: sortedDeps(chart).dependencies,
    chartDevDependencies: sortedDeps(chart).devDependencies,
    json: (value: unknown) => JSON.stringify(value, null, 2),
  };
  generateFiles(tree, join(TEMPLATES, 'common'), layout.folder, substitutions);
  for (const [from, to] of KIND_TEMPLATES[kind]) {
    generateFiles(tree, join(TEMPLATES, from), join(layout.folder, to), substitutions);
  }

  updateJson<{ references?: { path: string }[] }>(tree, 'tsconfig.json', (config) => {
    const references = config.references ?? [];
    for (const path of [`./${layout.folder}`, `./${layout.deploy}`]) {
      if (!references.some((r) => r.path === path)) references.push({ path });
    }
    return { ...config, references };
  });
  addWorkspacePackages(tree, [
    {
      path: layout.folder,
      manifest: { name: `${SCOPE}/${name}`, version: '0.1.0', ...sortedDeps(service) },
    },
    {
      path: layout.deploy,
      manifest: {
        name: `${SCOPE}/${name}-deploy`,
        version: WORKSPACE_VERSION,
        ...sortedDeps(chart),
      },
    },
  ]);
  await formatFiles(tree);

  if (missing.length === 0) return undefined;
  // The workspace lacks a package the app needs: let npm lock it (this needs the registry).
  return () => {
    console.log(`installing what ${name} needs and this workspace lacks: ${missing.join(', ')}`);
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: tree.root,
      stdio: 'inherit',
    });
  };
}

function sortedDeps(deps: {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}) {
  const sort = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b, 'en')));
  return {
    dependencies: sort(deps.dependencies),
    devDependencies: sort(deps.devDependencies),
  };
}
