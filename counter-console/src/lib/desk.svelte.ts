// The counter's live state: its current ticket, who waits for its services and
// who is parked. Every realtime event triggers one fresh read of the counter's
// queue, so the screen never drifts from the server.
import { api, ApiError } from '@mot-cua/ui-shared/api.ts';
import { LiveSocket } from '@mot-cua/ui-shared/live-socket.ts';
import { session } from './session.svelte.ts';
import type { Action } from './shortcuts.ts';
import type { Counter, CounterQueue, Outcome, StaffTicket } from './types.ts';

const currentPath: Record<Exclude<Action, 'next' | 'transfer'>, string> = {
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  noShow: 'no-show',
  park: 'park',
};

export class Desk {
  counter = $state<Counter | null>(null);
  current = $state<StaffTicket | null>(null);
  waiting = $state<StaffTicket[]>([]);
  parked = $state<StaffTicket[]>([]);
  /** When `waiting` was read, so waits keep counting between reads. */
  readAt = $state(Date.now());
  now = $state(Date.now());
  busy = $state(false);
  connected = $state(false);
  error = $state<ApiError | Error | null>(null);
  /** The number just finished, for the rating prompt. */
  finished = $state<string | null>(null);
  /** The number just called, announced to screen readers. */
  lastCalled = $state<string | null>(null);
  /** Set when "call next" found nobody waiting. */
  nobody = $state(false);
  /** What the finish will record: the official's pick, else the counter's default (reset for each ticket). */
  outcome = $state<Outcome | null>(null);
  /** The dossier code scanned or typed for this finish. */
  dossierCode = $state('');
  #outcomeFor: string | null = null;

  #socket: LiveSocket | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #refetch: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly counterId: string) {}

  start(): void {
    void this.refresh();
    this.#timer = setInterval(() => (this.now = Date.now()), 1000);
    // Every connect brings a `state` snapshot (after a server restart too): it triggers a fresh read.
    const s = new LiveSocket({ onConnection: (connected) => (this.connected = connected) });
    for (const ev of ['state', 'ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.updated', 'queue.changed', 'counter.updated', 'waiting.changed']) {
      s.on(ev, () => this.scheduleRefresh());
    }
    // The admin console replaced the centre's configuration: its fields, counters and procedures are read again.
    s.on('center.changed', () => {
      void session.loadCenter().catch(() => undefined);
      this.scheduleRefresh();
    });
    // A manager moved this official to another counter (issue 13.3): the desk follows, no new sign-in.
    s.on('seat.moved', (m: { counter?: { id?: unknown } }) => {
      const to = m.counter?.id;
      if (typeof to === 'string' && session.user && to !== this.counterId) session.user = { ...session.user, counterId: to };
    });
    this.#socket = s;
  }

  stop(): void {
    this.#socket?.close();
    this.#socket = null;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#refetch) clearTimeout(this.#refetch);
  }

  scheduleRefresh(): void {
    if (this.#refetch) return;
    this.#refetch = setTimeout(() => {
      this.#refetch = null;
      void this.refresh();
    }, 100);
  }

  async refresh(): Promise<void> {
    try {
      const q = await api<CounterQueue>(`/counters/${encodeURIComponent(this.counterId)}/queue`);
      if (!q) return;
      this.counter = q.counter;
      this.current = q.current;
      if ((q.current?.id ?? null) !== this.#outcomeFor) {
        this.#outcomeFor = q.current?.id ?? null;
        this.outcome = null;
        // a result pickup comes with its dossier's code (issue 16.3)
        this.dossierCode = q.current?.dossierCode ?? '';
      }
      this.waiting = q.waiting;
      this.parked = q.parked;
      this.readAt = Date.now();
      this.now = this.readAt;
    } catch (e) {
      // A session that ended (sign-out elsewhere, server reset) goes back to the sign-in form.
      if (e instanceof ApiError && e.status === 401) session.user = null;
      // Moved to another counter while this socket was away (issue 13.3): the session says where.
      else if (e instanceof ApiError && e.code === 'wrong_counter') void session.restore();
      else this.error = e as Error;
    }
  }

  async #run(fn: () => Promise<unknown>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    this.nobody = false;
    try {
      await fn();
    } catch (e) {
      this.error = e as Error;
    } finally {
      // Busy until the screen shows what the action led to: a key kept meanwhile acts on that.
      await this.refresh();
      this.busy = false;
    }
  }

  #base(): string {
    return `/counters/${encodeURIComponent(this.counterId)}`;
  }

  callNext(): Promise<void> {
    // The server finishes a ticket still being served before it calls the next one.
    const finishing = this.current?.status === 'serving' ? this.current.number : null;
    return this.#run(async () => {
      this.finished = null;
      const r = await api<{ ticket: StaffTicket } | null>(`${this.#base()}/call-next`, { method: 'POST' });
      this.finished = finishing;
      this.lastCalled = r?.ticket.number ?? null;
      this.nobody = r === null;
    });
  }

  /** The outcome a finish now records. */
  get finishOutcome(): Outcome {
    // a result pickup's finish is the result returned, as the server records it without a choice
    return this.outcome ?? (this.current?.dossierCode ? 'result' : this.counter?.defaultOutcome) ?? 'received';
  }

  act(action: Exclude<Action, 'next' | 'transfer'>): Promise<void> {
    const number = this.current?.number ?? null;
    const code = this.dossierCode.trim();
    const outcome = this.finishOutcome;
    const body = action === 'finish' ? { outcome, ...(code && (outcome === 'received' || outcome === 'result') ? { dossierCode: code } : {}) } : undefined;
    return this.#run(async () => {
      await api(`${this.#base()}/current/${currentPath[action]}`, { method: 'POST', body });
      if (action === 'finish') this.finished = number;
      if (action === 'recall') this.lastCalled = number;
    });
  }

  transfer(serviceId: string): Promise<void> {
    return this.#run(() => api(`${this.#base()}/current/transfer`, { method: 'POST', body: { serviceId } }));
  }

  callTicket(ticketId: string): Promise<void> {
    return this.#run(async () => {
      this.finished = null;
      const r = await api<{ ticket: StaffTicket } | null>(`/tickets/${encodeURIComponent(ticketId)}/call`, { method: 'POST' });
      this.lastCalled = r?.ticket.number ?? null;
    });
  }

  setStatus(op: 'pause' | 'resume' | 'close' | 'open'): Promise<void> {
    return this.#run(() => api(`${this.#base()}/${op}`, { method: 'POST' }));
  }
}
