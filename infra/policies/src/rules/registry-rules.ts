import type { ResourceValidationPolicy } from '@pulumi/policy';
import { objectOf } from './props.js';

const REPOSITORY = 'aws:ecr/repository:Repository';
const CREATION_TEMPLATE = 'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate';
const REGISTRY_SCANNING = 'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration';

/** A tag names one image forever: what the GitOps image files promise. */
export const ecrImmutableTags: ResourceValidationPolicy = {
  name: 'ecr-immutable-tags',
  description:
    'ECR repositories, and the templates ECR creates repositories from, must make image tags immutable.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== REPOSITORY && args.type !== CREATION_TEMPLATE) return;
    const mutability = args.props['imageTagMutability'] as unknown;
    if (mutability !== 'IMMUTABLE') {
      reportViolation(
        `imageTagMutability is ${JSON.stringify(mutability ?? 'MUTABLE (the default)')}: set IMMUTABLE.`,
      );
    }
  },
};

/**
 * Every pushed image is scanned for known vulnerabilities: a repository scans on push, and the
 * registry's scanning rules (which repositories created on push follow) cover every repository.
 */
export const ecrScanOnPush: ResourceValidationPolicy = {
  name: 'ecr-scan-on-push',
  description: 'ECR repositories, and the registry scanning rules, must scan every image on push.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type === REPOSITORY) {
      if (objectOf(args.props['imageScanningConfiguration'])['scanOnPush'] !== true)
        reportViolation('imageScanningConfiguration.scanOnPush is not true.');
      return;
    }
    if (args.type !== REGISTRY_SCANNING) return;
    const rules = (args.props['rules'] as unknown[] | undefined) ?? [];
    const scansEverything = rules.some((rule) => {
      const { scanFrequency, repositoryFilters } = objectOf(rule);
      return (
        (scanFrequency === 'SCAN_ON_PUSH' || scanFrequency === 'CONTINUOUS_SCAN') &&
        ((repositoryFilters as unknown[] | undefined) ?? []).some(
          (filter) => objectOf(filter)['filter'] === '*',
        )
      );
    });
    if (!scansEverything)
      reportViolation("no rule scans every repository ('*') on push or continuously.");
  },
};
