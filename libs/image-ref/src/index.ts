export {
  DIGEST_PATTERN,
  TAG_PATTERN,
  InvalidImageReferenceError,
  digestProblem,
  formatImageReference,
  imageVersion,
  parseImageReference,
  repositoryProblem,
  tagProblem,
} from './image-reference.js';
export type { ImageReference } from './image-reference.js';
