// The screens that act on the server directly (the admin console's staff accounts and device
// tokens, the manager board's move, one-tap and fields panels) do it the same way: one action at a
// time, what it did or why it was refused shown in one place (Vietnamese first), and the list read
// again after a change.
import type { Lang } from '@mot-cua/config/strings/index.ts';
import { ApiError } from './api.ts';

export class ServerActions {
  busy = $state(false);
  error = $state<ApiError | null>(null);
  done = $state<string | null>(null);
  /** The last failure was not the server's answer (an ApiError) but something else thrown. */
  private unexplained = $state(false);

  /**
   * `reload` reads the page's list again after a change (a board that follows over its socket has
   * none); `fallback` is what to say, in the reader's language, of a failure that is not an ApiError
   * (without it, the thrown message as ApiError.from has it).
   */
  constructor(
    private readonly reload: () => Promise<unknown> = async () => {},
    private readonly fallback: ((lang: Lang) => string) | null = null,
  ) {}

  /** Reads the page's list; a refusal is shown like any other. */
  async load(): Promise<void> {
    try {
      await this.reload();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Runs `fn`; on success shows `message` (when given) and reads the list again. True when it went through. */
  async run(fn: () => Promise<unknown>, message: string | null = null): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.unexplained = false;
    this.done = null;
    try {
      await fn();
      this.done = message;
      await this.load();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Why the last action failed, in `lang` ('' when it did not). */
  errorText(lang: Lang): string {
    if (!this.error) return '';
    return this.unexplained && this.fallback ? this.fallback(lang) : this.error.text(lang);
  }

  private fail(e: unknown): void {
    this.error = ApiError.from(e);
    this.unexplained = !(e instanceof ApiError);
  }
}
