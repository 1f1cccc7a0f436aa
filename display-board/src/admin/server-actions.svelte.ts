// The pages of the admin console that act on the server directly (staff accounts, device
// tokens) do it the same way: one action at a time, what it did or why it was refused
// shown in one place (Vietnamese first), and the list read again after a change.
import { ApiError } from '@mot-cua/ui-shared/api.ts';

export class ServerActions {
  busy = $state(false);
  error = $state<ApiError | null>(null);
  done = $state<string | null>(null);

  constructor(private readonly reload: () => Promise<unknown>) {}

  /** Reads the page's list; a refusal is shown like any other. */
  async load(): Promise<void> {
    try {
      await this.reload();
    } catch (e) {
      this.error = ApiError.from(e);
    }
  }

  /** Runs `fn`; on success shows `message` (when given) and reads the list again. True when it went through. */
  async run(fn: () => Promise<unknown>, message: string | null = null): Promise<boolean> {
    this.busy = true;
    this.error = null;
    this.done = null;
    try {
      await fn();
      this.done = message;
      await this.load();
      return true;
    } catch (e) {
      this.error = ApiError.from(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
