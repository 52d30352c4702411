import type { Tree } from '@nx/devkit';
import { workspaceTree } from './lockfile-tree.js';

/** Accounts, region and repository of a fixture workspace: not the template's placeholders. */
export const BEFORE = {
  staging: '100000000001',
  production: '100000000002',
  region: 'us-east-2',
  repository: 'fixture-org/fixture-repo',
} as const;

const registry = (account: string, environment: string) =>
  `${account}.dkr.ecr.${BEFORE.region}.amazonaws.com/platform-${environment}`;

const clusterStack = (account: string, extra: string) => `# A fixture stack.
config:
  infra-cluster:accountId: '${account}'
  infra-cluster:region: ${BEFORE.region}
  infra-cluster:vpcCidr: 10.10.0.0/16
  infra-cluster:availabilityZones:
    - ${BEFORE.region}a
    - ${BEFORE.region}b
${extra}  infra-cluster:githubRepository: ${BEFORE.repository}
`;

/** A workspace with two environments, their stacks, one app's images and a rendered manifest. */
export function initFixtureTree(): Tree {
  const tree = workspaceTree();
  tree.write(
    'libs/environments/src/environments.ts',
    `export const workspaceEnvironments = [
${['staging', 'production']
  .map(
    (name) => `  {
    name: '${name}',
    gateway: { name: 'edge', namespace: 'edge', domain: '${name}.test' },
    imageRegistry: '${registry(BEFORE[name as 'staging' | 'production'], name)}',
  },`,
  )
  .join('\n')}
];
`,
  );
  tree.write(
    'infra/cluster/Pulumi.staging.yaml',
    clusterStack(
      BEFORE.staging,
      `  # Production pulls what staging built.\n  infra-cluster:ecrPullAccountIds:\n    - '${BEFORE.production}'\n`,
    ),
  );
  tree.write('infra/cluster/Pulumi.production.yaml', clusterStack(BEFORE.production, ''));
  for (const stack of ['staging', 'production']) {
    tree.write(
      `infra/bootstrap/Pulumi.${stack}.yaml`,
      `config:\n  infra-bootstrap:clusterStack: fixture-org/infra-cluster/${stack}\n  infra-bootstrap:repoAccess: ssh\n`,
    );
  }
  tree.write(
    'infra/bootstrap/Pulumi.local.yaml',
    `config:\n  infra-bootstrap:repoAccess: public\n`,
  );
  const image = `${registry(BEFORE.staging, 'staging')}/shop:1.0.0`;
  for (const environment of ['staging', 'production']) {
    tree.write(`apps/shop/deploy/images/${environment}.yaml`, `# ours\nimage: ${image}\n`);
    tree.write(
      `manifests/${environment}/shop/deployment-shop.yaml`,
      `spec:\n  template:\n    spec:\n      containers:\n        - image: ${image}\n`,
    );
  }
  tree.write(
    'libs/environments/src/repository.ts',
    `export const workspaceRepository = {\n  url: 'https://github.com/${BEFORE.repository}.git',\n  revision: 'main',\n};\n`,
  );
  tree.write(
    'manifests/staging/_platform/appproject-staging.yaml',
    `spec:\n  sourceRepos:\n    - https://github.com/${BEFORE.repository}.git\n`,
  );
  tree.write('apps/shop/src/main.ts', `// ${registry(BEFORE.staging, 'staging')} stays\n`);
  return tree;
}
