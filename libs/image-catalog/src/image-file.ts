import {
  formatImageReference,
  parseImageReference,
  type ImageReference,
} from '@platform/image-ref';
import { Document, parseDocument } from 'yaml';
import { z } from 'zod';

/** The one key an image file holds; anything else is a typo we refuse rather than ignore. */
const imageFileSchema = z.strictObject({ image: z.string() });

/** A malformed image file: the message names the file and what is wrong with it. */
export class ImageFileError extends Error {
  override name = 'ImageFileError';
  constructor(
    readonly file: string,
    problem: string,
    /** True when the file does not exist (as opposed to existing with bad content). */
    readonly missing = false,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Parses an image file's text; `file` only labels errors. */
export function parseImageFile(file: string, text: string): ImageReference {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new ImageFileError(
      file,
      `is not valid YAML: ${document.errors[0]?.message ?? 'parse error'}`,
    );
  }
  const content = document.toJS() as unknown;
  const unknownKey =
    content && typeof content === 'object' && !Array.isArray(content)
      ? Object.keys(content).find((key) => key !== 'image')
      : undefined;
  if (unknownKey !== undefined) {
    throw new ImageFileError(
      file,
      `unknown key '${unknownKey}'; expected exactly one key, image: <repository>:<tag>`,
    );
  }
  const parsed = imageFileSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `key '${issue.path.join('.')}'` : 'the file';
    throw new ImageFileError(
      file,
      `${where}: ${issue?.message ?? 'invalid'}; expected exactly one key, image: <repository>:<tag>`,
    );
  }
  try {
    return parseImageReference(parsed.data.image);
  } catch (error) {
    throw new ImageFileError(file, (error as Error).message);
  }
}

/** Renders an image file: a header saying who writes it, then `image: <reference>`. */
export function formatImageFile(environment: string, app: string, image: ImageReference): string {
  const document = new Document({ image: formatImageReference(image) });
  document.commentBefore =
    ` The image ${app} runs in ${environment}.\n` +
    ' Written by `npm run release -- bump|promote|rollback`; read by `npm run synth`. Do not edit by hand.';
  return document.toString({ lineWidth: 0 });
}
