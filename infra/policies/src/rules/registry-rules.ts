import type { ResourceValidationPolicy } from '@pulumi/policy';
import { objectOf } from './props.js';

const REPOSITORY = 'aws:ecr/repository:Repository';

/** A tag names one image forever: what the GitOps image files promise. */
export const ecrImmutableTags: ResourceValidationPolicy = {
  name: 'ecr-immutable-tags',
  description: 'ECR repositories must make image tags immutable.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== REPOSITORY) return;
    const mutability = args.props['imageTagMutability'] as unknown;
    if (mutability !== 'IMMUTABLE') {
      reportViolation(
        `imageTagMutability is ${JSON.stringify(mutability ?? 'MUTABLE (the default)')}: set IMMUTABLE.`,
      );
    }
  },
};

/** Every pushed image is scanned for known vulnerabilities. */
export const ecrScanOnPush: ResourceValidationPolicy = {
  name: 'ecr-scan-on-push',
  description: 'ECR repositories must scan images on push.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== REPOSITORY) return;
    if (objectOf(args.props['imageScanningConfiguration'])['scanOnPush'] !== true) {
      reportViolation('imageScanningConfiguration.scanOnPush is not true.');
    }
  },
};
