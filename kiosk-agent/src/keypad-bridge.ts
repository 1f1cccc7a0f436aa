/**
 * Turns keypad presses into queue-server calls for the keypad's counter.
 *
 * Flood rule (what a stuck or hammered key does): per counter, at most one call is in flight;
 * presses that arrive meanwhile are dropped, and the same action again within `debounceMs`
 * after the last one was sent is dropped too. So ten quick presses of "next" call one citizen,
 * while "next" then "recall" a second apart both go through. Digits are kept locally: they
 * choose the service for "transfer" (1 = the first service of the centre, 2 = the second…).
 * Keypad calls are not retried later: a "next" that goes through minutes late would call
 * someone the officer is no longer expecting.
 *
 * Reason keys (issue 16.5): on a rating keypad whose model has them, a score that is not
 * satisfied waits `reasonWindowMs` for reason presses (each press extends it); then one rating
 * goes with the reasons pressed. A satisfied score, or a keypad without reason keys, sends at once.
 */
import type { KeyPress } from '@mot-cua/hardware/keypad/keypad.ts';
import type { Logger, QueueClient } from './queue-client.ts';

export type KeypadAction = { counterId: string; path: string; body: unknown };

export type BridgeOptions = {
  client: QueueClient;
  logger: Logger;
  tokenFor: (keypadId: string) => string | undefined;
  debounceMs: number;
  /** ids of the centre's services in display order, for transfer by number */
  services: () => Promise<string[]>;
  /** after the server answered, e.g. to update the counter's LED display */
  onResult?: (action: KeypadAction, status: number | null, body: unknown) => void;
  now?: () => number;
  /** The reason ids a rating keypad's reason keys stand for (reason-1 first), or null when its model has no reason keys. */
  reasonsOf?: (keypadId: string) => Promise<string[] | null>;
  /** The scores the centre counts as satisfied (they take no reasons). */
  satisfiedScores?: () => Promise<number[]>;
  /** How long a not-satisfied score waits for reason presses; default 4 s. */
  reasonWindowMs?: number;
};

export type PressOutcome = 'sent' | 'failed' | 'dropped' | 'buffered' | 'invalid';

const ACTIONS: Record<string, string> = {
  next: 'call-next',
  recall: 'current/recall',
  finish: 'current/finish',
  'no-show': 'current/no-show',
  transfer: 'current/transfer',
};

export class KeypadBridge {
  private readonly busy = new Set<string>();
  private readonly lastSent = new Map<string, { key: string; at: number }>();
  private readonly digits = new Map<string, string>();
  private readonly now: () => number;
  /** A not-satisfied score per keypad, waiting for its reasons. */
  private readonly pending = new Map<string, { p: KeyPress; score: number; reasons: string[]; ids: string[]; timer: NodeJS.Timeout; sent: Promise<PressOutcome>; resolve: (o: PressOutcome) => void }>();

  constructor(private readonly opts: BridgeOptions) {
    this.now = opts.now ?? (() => Date.now());
  }

  private async actionFor(p: KeyPress): Promise<KeypadAction | 'invalid'> {
    const base = `/api/v1/counters/${encodeURIComponent(p.counterId)}`;
    if (p.key.startsWith('rate-')) return { counterId: p.counterId, path: `${base}/rating`, body: { score: Number(p.key.slice(5)) } };
    const path = ACTIONS[p.key];
    if (!path) return 'invalid';
    if (p.key !== 'transfer') return { counterId: p.counterId, path: `${base}/${path}`, body: {} };
    const n = Number(this.digits.get(p.keypadId) ?? '');
    this.digits.delete(p.keypadId);
    const services = await this.opts.services().catch(() => []);
    const serviceId = Number.isInteger(n) && n >= 1 ? services[n - 1] : undefined;
    if (!serviceId) {
      this.opts.logger.warn(`keypad ${p.keypadId}: transfer needs a service number 1–${services.length} typed first`);
      return 'invalid';
    }
    return { counterId: p.counterId, path: `${base}/${path}`, body: { serviceId } };
  }

  /** The rating the keypad's pending score and reasons make, once the window has passed (the tests await it). */
  settled(keypadId: string): Promise<PressOutcome> | undefined {
    return this.pending.get(keypadId)?.sent;
  }

  private async ratingPress(p: KeyPress): Promise<PressOutcome | null> {
    if (p.key.startsWith('reason-')) {
      const w = this.pending.get(p.keypadId);
      const id = w?.ids[Number(p.key.slice(7)) - 1];
      if (!w || !id) return 'invalid';
      if (!w.reasons.includes(id)) w.reasons.push(id);
      this.arm(p.keypadId);
      return 'buffered';
    }
    if (!p.key.startsWith('rate-') || !this.opts.reasonsOf) return null;
    const score = Number(p.key.slice(5));
    const [ids, satisfied] = await Promise.all([this.opts.reasonsOf(p.keypadId).catch(() => null), this.opts.satisfiedScores?.().catch(() => [3, 4]) ?? [3, 4]]);
    if (!ids?.length || satisfied.includes(score)) return null;
    const before = this.pending.get(p.keypadId);
    if (before) this.flush(p.keypadId); // a new score sends the one before
    let resolve!: (o: PressOutcome) => void;
    const sent = new Promise<PressOutcome>((r) => (resolve = r));
    this.pending.set(p.keypadId, { p, score, reasons: [], ids, timer: setTimeout(() => {}, 0), sent, resolve });
    this.arm(p.keypadId);
    return 'buffered';
  }

  private arm(keypadId: string): void {
    const w = this.pending.get(keypadId)!;
    clearTimeout(w.timer);
    w.timer = setTimeout(() => this.flush(keypadId), this.opts.reasonWindowMs ?? 4000);
  }

  private flush(keypadId: string): void {
    const w = this.pending.get(keypadId);
    if (!w) return;
    clearTimeout(w.timer);
    this.pending.delete(keypadId);
    const token = this.opts.tokenFor(keypadId);
    if (!token) return w.resolve('invalid');
    const action: KeypadAction = {
      counterId: w.p.counterId,
      path: `/api/v1/counters/${encodeURIComponent(w.p.counterId)}/rating`,
      body: w.reasons.length ? { score: w.score, reasons: w.reasons } : { score: w.score },
    };
    void this.opts.client.post(action.path, token, action.body).then((r) => {
      this.opts.onResult?.(action, r.status, r.ok ? r.body : null);
      if (!r.ok) this.opts.logger.warn(`keypad ${keypadId} rating: ${r.status ?? 'network'} ${r.error}`);
      w.resolve(r.ok ? 'sent' : 'failed');
    });
  }

  async press(p: KeyPress): Promise<PressOutcome> {
    const rated = await this.ratingPress(p);
    if (rated) return rated;
    if (p.key.startsWith('digit-')) {
      const d = (this.digits.get(p.keypadId) ?? '') + p.key.slice(6);
      this.digits.set(p.keypadId, d.slice(-2));
      return 'buffered';
    }
    const last = this.lastSent.get(p.counterId);
    if (this.busy.has(p.counterId)) return 'dropped';
    if (last && last.key === p.key && this.now() - last.at < this.opts.debounceMs) return 'dropped';
    const token = this.opts.tokenFor(p.keypadId);
    if (!token) return 'invalid';
    this.busy.add(p.counterId);
    try {
      const action = await this.actionFor(p);
      if (action === 'invalid') return action;
      this.lastSent.set(p.counterId, { key: p.key, at: this.now() });
      const r = await this.opts.client.post(action.path, token, action.body);
      this.opts.onResult?.(action, r.status, r.ok ? r.body : null);
      if (!r.ok) {
        this.opts.logger.warn(`keypad ${p.keypadId} ${p.key}: ${r.status ?? 'network'} ${r.error}`);
        return 'failed';
      }
      return 'sent';
    } finally {
      this.busy.delete(p.counterId);
    }
  }
}
