/** Bad input or a state the release tool refuses to work in; the message says what to do. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}
