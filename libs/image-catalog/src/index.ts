export { writeFileAtomic } from './atomic-write.js';
export { ImageFileError, formatImageFile, parseImageFile } from './image-file.js';
export { ImageStore, ImageStoreError } from './image-store.js';
export type { AppImage } from './image-store.js';
