// Runs one job at a time in arrival order, so two calls are never spoken over each other.
export class SerialQueue<T> {
  #items: T[] = [];
  #running = false;
  #idle: (() => void)[] = [];

  constructor(private readonly run: (item: T) => Promise<void>) {}

  get pending(): number {
    return this.#items.length;
  }

  get busy(): boolean {
    return this.#running;
  }

  push(item: T): void {
    this.#items.push(item);
    if (!this.#running) void this.#drain();
  }

  /** Drops what has not started yet; the job under way finishes. */
  clear(filter: (item: T) => boolean = () => true): void {
    this.#items = this.#items.filter((i) => !filter(i));
  }

  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void> {
    if (!this.#running && this.#items.length === 0) return Promise.resolve();
    return new Promise((r) => this.#idle.push(r));
  }

  async #drain(): Promise<void> {
    this.#running = true;
    while (this.#items.length > 0) {
      const item = this.#items.shift() as T;
      try {
        await this.run(item);
      } catch {
        // A failed announcement must not silence the ones after it.
      }
    }
    this.#running = false;
    for (const r of this.#idle.splice(0)) r();
  }
}
