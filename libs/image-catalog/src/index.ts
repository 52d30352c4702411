export { writeFileAtomic } from './atomic-write.js';
export { ImageFileError, formatImageFile, parseImageFile } from './image-file.js';
export { IMAGE_STORE_DIRECTORY, ImageStore, ImageStoreError } from './image-store.js';
