import { appLayout } from '@platform/environments';
import { formatImageReference, type ImageReference } from '@platform/image-ref';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { ImageFileError, formatImageFile, parseImageFile } from './image-file.js';

/** The image one app runs in one environment, parsed once from its image file. */
export interface AppImage {
  readonly environment: string;
  readonly app: string;
  readonly image: ImageReference;
}

/**
 * The image reference of every app in every environment, one file each, in the app's folder
 * (`apps/<app>/deploy/images/<env>.yaml`): bumping one app never touches another app's file,
 * so concurrent bumps of different apps never conflict in git. An app without a file for an
 * environment is not deployed there. Argo CD never reads these files; synth turns them into
 * manifests.
 */
export class ImageStore {
  constructor(
    /** The workspace root. */
    readonly workspaceRoot: string,
  ) {}

  /** The file's path relative to the workspace root (as git and error messages show it). */
  relativePath(environment: string, app: string): string {
    return appLayout(app).imageFile(environment);
  }

  absolutePath(environment: string, app: string): string {
    return join(this.workspaceRoot, this.relativePath(environment, app));
  }

  /** The image `app` runs in `environment`; throws {@link ImageFileError} when it is missing or malformed. */
  async read(environment: string, app: string): Promise<ImageReference> {
    const file = this.relativePath(environment, app);
    let text: string;
    try {
      text = await readFile(this.absolutePath(environment, app), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ImageFileError(
          file,
          `does not exist: app '${app}' has no image in environment '${environment}' yet ` +
            `(it enters with \`npm run release -- bump\` or \`promote --app ${app} --to ${environment}\`)`,
          true,
        );
      }
      throw error;
    }
    return parseImageFile(file, text);
  }

  /** The image, or undefined when the file does not exist yet (a malformed file still throws). */
  async readIfPresent(environment: string, app: string): Promise<ImageReference | undefined> {
    try {
      return await this.read(environment, app);
    } catch (error) {
      if (error instanceof ImageFileError && error.missing) return undefined;
      throw error;
    }
  }

  /** Writes the image atomically. Returns false (and writes nothing) when the file already says so. */
  async write(environment: string, app: string, image: ImageReference): Promise<boolean> {
    const current = await this.readIfPresent(environment, app);
    if (current && formatImageReference(current) === formatImageReference(image)) return false;
    writeFileAtomic(this.absolutePath(environment, app), formatImageFile(environment, app, image));
    return true;
  }

  /**
   * The image of every app that has one, environment by environment, app by app (an app
   * without an image file in an environment is not deployed there); reports every malformed
   * file at once.
   */
  /**
   * Which of these apps have an image file in each of these environments, without reading them:
   * what lists an environment's apps needs only that (a render of one app lists the others it
   * does not render; reading and checking 1,000 files cost it half a second at 500 apps).
   */
  deployedApps(
    environments: readonly string[],
    apps: readonly string[],
  ): Pick<AppImage, 'environment' | 'app'>[] {
    return environments.flatMap((environment) =>
      apps
        .filter((app) => existsSync(this.absolutePath(environment, app)))
        .map((app) => ({ environment, app })),
    );
  }

  async readAll(environments: readonly string[], apps: readonly string[]): Promise<AppImage[]> {
    const images: AppImage[] = [];
    const problems: ImageFileError[] = [];
    for (const environment of environments) {
      for (const app of apps) {
        try {
          const image = await this.readIfPresent(environment, app);
          if (image) images.push({ environment, app, image });
        } catch (error) {
          if (!(error instanceof ImageFileError)) throw error;
          problems.push(error);
        }
      }
    }
    if (problems.length === 1) throw problems[0];
    if (problems.length > 1) throw new ImageStoreError(problems.map((problem) => problem.message));
    return images;
  }
}

/** Several image files are missing or malformed: all of them are listed. */
export class ImageStoreError extends Error {
  override name = 'ImageStoreError';
  constructor(readonly problems: readonly string[]) {
    super(`${problems.length} image files are missing or malformed:\n  ${problems.join('\n  ')}`);
  }
}
