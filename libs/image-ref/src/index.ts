export {
  InvalidImageReferenceError,
  digestProblem,
  formatImageReference,
  imageReferenceOf,
  imageVersion,
  parseImageReference,
  repositoryProblem,
  tagProblem,
} from './image-reference.js';
export type { ImageReference } from './image-reference.js';
