/** Whether the service should receive traffic. It only ever goes from ready to shutting down. */
export class Lifecycle {
  #shuttingDown = false;

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  isReady(): boolean {
    return !this.#shuttingDown;
  }

  beginShutdown(): void {
    this.#shuttingDown = true;
  }
}
