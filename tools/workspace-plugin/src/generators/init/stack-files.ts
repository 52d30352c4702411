import type { Tree } from '@nx/devkit';
import { parseDocument, type Document } from 'yaml';

/** What init writes into one environment's cluster stack. */
export interface ClusterStackValues {
  readonly accountId: string;
  readonly region: string;
  readonly availabilityZones: readonly string[];
  readonly githubRepository: string;
  /** Other accounts that pull this environment's images; empty removes the key. */
  readonly ecrPullAccountIds: readonly string[];
  /** The account's GitHub OIDC provider, when an earlier stack of the account creates it. */
  readonly githubOidcProviderArn?: string;
}

const CLUSTER = 'infra-cluster';
const BOOTSTRAP = 'infra-bootstrap';

/** Edits a stack file's `config:` keys in place, keeping its comments and order. */
function editStack(tree: Tree, path: string, edit: (document: Document) => void): void {
  const text = tree.read(path, 'utf8');
  if (text === null) throw new Error(`${path} is missing`);
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new Error(`${path} is not valid YAML: ${document.errors[0]?.message ?? ''}`);
  }
  edit(document);
  const next = document.toString({ singleQuote: true, lineWidth: 0 });
  if (next !== text) tree.write(path, next);
}

const set = (document: Document, key: string, value: unknown) =>
  document.setIn(['config', key], document.createNode(value));
const remove = (document: Document, key: string) => {
  if (document.hasIn(['config', key])) document.deleteIn(['config', key]);
};

export function writeClusterStack(tree: Tree, path: string, values: ClusterStackValues): void {
  editStack(tree, path, (document) => {
    set(document, `${CLUSTER}:accountId`, values.accountId);
    set(document, `${CLUSTER}:region`, values.region);
    set(document, `${CLUSTER}:availabilityZones`, values.availabilityZones);
    set(document, `${CLUSTER}:githubRepository`, values.githubRepository);
    if (values.ecrPullAccountIds.length > 0) {
      set(document, `${CLUSTER}:ecrPullAccountIds`, values.ecrPullAccountIds);
    } else {
      remove(document, `${CLUSTER}:ecrPullAccountIds`);
    }
    if (values.githubOidcProviderArn) {
      set(document, `${CLUSTER}:githubOidcProviderArn`, values.githubOidcProviderArn);
    } else {
      remove(document, `${CLUSTER}:githubOidcProviderArn`);
    }
  });
}

/**
 * Points a bootstrap stack at the cluster stack of the Pulumi organisation
 * (`<org>/infra-cluster/<stack>`). The repository is no key of it: infra/bootstrap reads
 * libs/environments/src/repository.ts, which writeWorkspaceRepository writes.
 */
export function writeBootstrapStack(
  tree: Tree,
  path: string,
  values: { readonly pulumiOrg: string },
): void {
  editStack(tree, path, (document) => {
    const clusterStack = document.getIn(['config', `${BOOTSTRAP}:clusterStack`]);
    if (typeof clusterStack === 'string') {
      const [, project, stack] = clusterStack.split('/');
      set(document, `${BOOTSTRAP}:clusterStack`, `${values.pulumiOrg}/${project}/${stack}`);
    }
  });
}
