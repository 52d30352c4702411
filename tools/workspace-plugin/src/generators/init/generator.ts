import { formatFiles, type Tree } from '@nx/devkit';
import { rawOption } from './raw-option.js';
import { AWS_REGIONS, defaultZones } from './regions.js';
import { moveRegistries, readRegistries, registryFor } from './registries.js';
import type { InitGeneratorSchema } from './schema.js';
import { writeBootstrapStack, writeClusterStack } from './stack-files.js';
import { writeWorkspaceRepository } from './workspace-repository.js';

/** A GitHub `owner/name`: GitHub's own character rules for each half. */
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const ACCOUNT_ID = /^\d{12}$/;
const PRODUCTION = 'production';

/** A refusal: one line naming the bad value; the generator writes nothing. */
export class InitGeneratorError extends Error {
  override name = 'InitGeneratorError';
}

interface InitPlan {
  readonly repository: string;
  readonly region: string;
  readonly zones: readonly string[];
  readonly pulumiOrg: string;
  readonly accountFor: (environment: string) => string;
}

function plan(options: InitGeneratorSchema): InitPlan {
  const refuse = (message: string) => {
    throw new InitGeneratorError(`cannot init: ${message}`);
  };
  const repository = options.repository.trim();
  if (!REPOSITORY.test(repository) || repository.split('/')[1]?.startsWith('.')) {
    refuse(`--repository '${repository}' is not a GitHub <owner>/<name>`);
  }
  if (!AWS_REGIONS.includes(options.region)) {
    refuse(
      `--region '${options.region}' is not an AWS region of the aws partition (${AWS_REGIONS.join(', ')})`,
    );
  }
  const accountId = rawOption(options.accountId, 'account-id') ?? '';
  const productionAccountId =
    rawOption(options.productionAccountId, 'production-account-id') ?? accountId;
  for (const [flag, value] of [
    ['--account-id', accountId],
    ['--production-account-id', productionAccountId],
  ] as const) {
    if (!ACCOUNT_ID.test(value)) refuse(`${flag} '${value}' is not a 12-digit AWS account id`);
  }
  const zones =
    options.availabilityZones?.split(',').map((zone) => zone.trim()) ??
    defaultZones(options.region);
  if (!zones) {
    refuse(`${options.region}'s zone names differ per account: give --availability-zones`);
  }
  const badZone = zones?.find(
    (zone) =>
      !/^[a-z]$/.test(zone.slice(options.region.length)) || !zone.startsWith(options.region),
  );
  if (badZone !== undefined)
    refuse(`--availability-zones '${badZone}' is not a zone of ${options.region}`);
  if ((zones?.length ?? 0) < 2 || new Set(zones).size !== zones?.length) {
    refuse('--availability-zones needs at least two different zones');
  }
  return {
    repository,
    region: options.region,
    zones: zones ?? [],
    pulumiOrg: options.pulumiOrg?.trim() || (repository.split('/')[0] ?? ''),
    accountFor: (environment) => (environment === PRODUCTION ? productionAccountId : accountId),
  };
}

/**
 * `nx g @platform/workspace-plugin:init --repository <owner>/<name> --region <region>
 * --account-id <12 digits>`: writes them everywhere the workspace holds them. Every value is
 * checked before anything is written; run again, it changes nothing (or moves to new values).
 */
export default async function initGenerator(tree: Tree, options: InitGeneratorSchema) {
  const { repository, region, zones, pulumiOrg, accountFor } = plan(options);
  const environments = readRegistries(tree);
  const [first] = environments;

  const moves = new Map<string, string>();
  const seenAccounts = new Set<string>();
  for (const { name, registry } of environments) {
    const accountId = accountFor(name);
    moves.set(registry, registryFor(registry, accountId, region));
    const stack = `infra/cluster/Pulumi.${name}.yaml`;
    if (tree.exists(stack)) {
      // Images are built into the first environment's registry and promoted from it, so the
      // other environments' accounts pull from there. An account holds one GitHub OIDC
      // provider: the first stack in it creates it, the next ones reuse it.
      const pullers = environments
        .map((environment) => accountFor(environment.name))
        .filter((account) => account !== accountId);
      writeClusterStack(tree, stack, {
        accountId,
        region,
        availabilityZones: zones,
        githubRepository: repository,
        ecrPullAccountIds: name === first?.name ? [...new Set(pullers)] : [],
        ...(seenAccounts.has(accountId)
          ? {
              githubOidcProviderArn: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com`,
            }
          : {}),
      });
    }
    seenAccounts.add(accountId);
  }
  for (const path of tree.children('infra/bootstrap')) {
    if (/^Pulumi\.[^.]+\.yaml$/.test(path)) {
      writeBootstrapStack(tree, `infra/bootstrap/${path}`, { pulumiOrg });
    }
  }
  moveRegistries(tree, moves);
  writeWorkspaceRepository(tree, repository);
  await formatFiles(tree);
}
