/** The sources cannot be rendered: two objects would share a file, an image or a sealed secret is wrong. */
export class RenderError extends Error {
  override name = 'RenderError';
}
