import { CatalogError } from '@platform/environments';
import { ImageFileError, ImageStoreError } from '@platform/image-catalog';
import { InvalidImageReferenceError } from '@platform/image-ref';
import { InvalidPropError } from '@platform/workloads';
import { ValidationFailedError } from './pipeline.js';
import { RenderError } from './render/render-error.js';

/**
 * The errors a render raises for bad input (the environments, an image file, a chart's props,
 * a refused manifest), not for a bug: every command line that renders prints them as one
 * message. Listed once, here, for the manifests CLI and the release CLI.
 */
export const RENDER_INPUT_ERRORS = [
  CatalogError,
  ImageFileError,
  ImageStoreError,
  InvalidImageReferenceError,
  InvalidPropError,
  RenderError,
  ValidationFailedError,
] as const;
