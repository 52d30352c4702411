import type { Environment } from '@platform/environments';
import { parseImageFile } from '@platform/image-catalog';

/** The tag prefix infra/cluster's lifecycle policy never expires (its PROTECTED_TAG_PREFIX). */
export const PROTECTED_TAG_PREFIX = 'keep-';

/** One image to protect: tag it `keep-<environment>-<id>` in the repository it is pulled from. */
export interface ImageToProtect {
  readonly environment: string;
  readonly app: string;
  /** As ECR names it: the repository path without the registry host. */
  readonly repositoryName: string;
  /** `imageDigest=sha256:…` or `imageTag=…`, as `aws ecr batch-get-image --image-ids` takes it. */
  readonly imageId: string;
  readonly protectTag: string;
}

const IMAGE_FILE = /^apps\/([^/]+)\/deploy\/images\/([^/]+)\.yaml$/;

/**
 * The images that environments other than the one images are built for now run, from the image
 * files a push to main changed (promotions and rollbacks): each gets a protected tag in the build
 * environment's registry, so that staging's keep-the-last-N window never expires what production
 * runs or may roll back to. An image from another registry is skipped, with the reason.
 */
export function imagesToProtect(
  changed: readonly { readonly file: string; readonly text: string }[],
  buildEnvironment: Environment,
): { images: ImageToProtect[]; skipped: string[] } {
  const images: ImageToProtect[] = [];
  const skipped: string[] = [];
  const registry = `${buildEnvironment.imageRegistry}/`;
  const host = buildEnvironment.imageRegistry.split('/')[0] ?? '';
  for (const { file, text } of changed) {
    const [, app, environment] = IMAGE_FILE.exec(file) ?? [];
    if (!app || !environment || environment === buildEnvironment.name) continue;
    const image = parseImageFile(file, text);
    if (!image.repository.startsWith(registry)) {
      skipped.push(
        `${file}: ${image.repository} is not in ${buildEnvironment.name}'s registry (${buildEnvironment.imageRegistry}): protect it where it lives`,
      );
      continue;
    }
    const id = image.digest
      ? image.digest.slice('sha256:'.length, 'sha256:'.length + 20)
      : String(image.tag);
    images.push({
      environment,
      app,
      repositoryName: image.repository.slice(host.length + 1),
      imageId: image.digest ? `imageDigest=${image.digest}` : `imageTag=${String(image.tag)}`,
      // ECR tags are at most 128 characters.
      protectTag: `${PROTECTED_TAG_PREFIX}${environment}-${id}`.slice(0, 128),
    });
  }
  return { images, skipped };
}
