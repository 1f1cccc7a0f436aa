// What the server says about the hall, kept live over socket.io. Every `state`
// snapshot replaces everything, so after a reconnect or a server restart the
// screen shows only what the server shows.
import { api } from '@mot-cua/ui-shared/api.ts';
import { LiveSocket } from '@mot-cua/ui-shared/live-socket.ts';
import { addCall, sortCalls } from './calls.ts';
import type { Alert, Call, CenterInfo, Device, LiveCounter, QueueItem, StateSnapshot, Stats, StaffTicket } from './types.ts';
import { applyTicket, fromSnapshot, removeTicket, type WaitingEntry } from './waiting.ts';

/** A ticket in one of these states is no longer at a counter: finished, gone, sent elsewhere, parked or back in the queue. */
const NOT_AT_COUNTER = new Set(['done', 'no_show', 'cancelled', 'transferred', 'expired', 'parked', 'waiting']);

type TicketEvent = { id: string; number: string; serviceId: string; status: string; counterId?: string | null; priorityCategoryId?: string | null; waitSeconds?: number; visitWaitSeconds?: number };

export class Live {
  center = $state<CenterInfo | null>(null);
  queue = $state<QueueItem[]>([]);
  counters = $state<LiveCounter[]>([]);
  calls = $state<Call[]>([]);
  waiting = $state<WaitingEntry[]>([]);
  stats = $state<Stats | null>(null);
  devices = $state<Device[]>([]);
  alerts = $state<Alert[]>([]);
  connected = $state(false);
  /** Counts snapshots, so a screen can tell a fresh start from an update. */
  snapshots = $state(0);
  now = $state(Date.now());

  onCall: ((call: Call) => void) | null = null;
  onSnapshot: ((calls: Call[]) => void) | null = null;

  #socket: LiveSocket | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  connect(token?: string): void {
    const s = new LiveSocket({ token, onConnection: (connected) => (this.connected = connected) })
      .on<StateSnapshot>('state', (st) => this.#snapshot(st))
      .on<{ call: Call }>('ticket.called', ({ call }) => this.#call(call))
      .on<{ call: Call }>('ticket.recalled', ({ call }) => this.#call(call))
      .on<{ ticket: TicketEvent }>('ticket.issued', ({ ticket }) => this.#ticket(ticket))
      .on<{ ticket: TicketEvent }>('ticket.updated', ({ ticket }) => this.#ticket(ticket))
      .on<{ waiting: StaffTicket[] }>('waiting.changed', ({ waiting }) => (this.waiting = fromSnapshot(waiting, Date.now())))
      .on<{ queue: QueueItem[] }>('queue.changed', ({ queue }) => (this.queue = queue))
      // The admin console replaced the centre's configuration: names, fields and counters are read again.
      .on('center.changed', () => void this.loadCenter())
      .on<{ counter: LiveCounter }>('counter.updated', ({ counter }) => this.#counter(counter))
      .on<{ stats: Stats }>('stats.changed', ({ stats }) => (this.stats = stats))
      .on<{ device: Device }>('device.health', ({ device }) => {
        this.devices = [...this.devices.filter((d) => d.deviceId !== device.deviceId), device];
      })
      .on<Alert>('alert', (a) => (this.alerts = [a, ...this.alerts].slice(0, 20)));
    this.#socket = s;
    this.#timer = setInterval(() => (this.now = Date.now()), 1000);
    document.addEventListener('visibilitychange', this.#wake);
  }

  /** A screen waking from sleep may have missed events while the socket still looks alive. */
  #wake = (): void => {
    if (document.visibilityState === 'visible') this.#socket?.requestState();
  };

  disconnect(): void {
    this.#socket?.close();
    this.#socket = null;
    if (this.#timer) clearInterval(this.#timer);
    document.removeEventListener('visibilitychange', this.#wake);
  }

  async loadCenter(): Promise<void> {
    try {
      this.center = await api<CenterInfo>('/center');
    } catch {
      // The socket's next snapshot tries again.
    }
  }

  #snapshot(st: StateSnapshot): void {
    const now = Date.now();
    this.queue = st.queue ?? [];
    this.counters = st.counters ?? [];
    this.calls = sortCalls(st.recentCalls ?? []);
    this.waiting = fromSnapshot((st.waiting ?? []) as StaffTicket[], now);
    this.stats = st.stats ?? null;
    this.devices = st.devices ?? [];
    this.snapshots++;
    this.onSnapshot?.(this.calls);
    void this.loadCenter();
  }

  #call(call: Call): void {
    this.calls = addCall(this.calls, call);
    this.waiting = removeTicket(this.waiting, call.ticketId);
    this.counters = this.counters.map((c) =>
      c.id === call.counterId ? { ...c, currentTicket: { id: call.ticketId, number: call.number, serviceId: call.serviceId, status: 'called' } } : c,
    );
    this.onCall?.(call);
  }

  #ticket(t: TicketEvent): void {
    // Closed with its day: its call leaves the board too.
    if (t.status === 'expired') this.calls = this.calls.filter((c) => c.ticketId !== t.id);
    this.waiting = applyTicket(this.waiting, { ...t, priorityCategoryId: t.priorityCategoryId ?? null }, Date.now());
    this.counters = this.counters.map((c) => {
      if (c.currentTicket?.id === t.id && NOT_AT_COUNTER.has(t.status)) return { ...c, currentTicket: null };
      if (c.id === t.counterId && (t.status === 'called' || t.status === 'serving')) {
        return { ...c, currentTicket: { id: t.id, number: t.number, serviceId: t.serviceId, status: t.status } };
      }
      return c;
    });
  }

  #counter(counter: LiveCounter): void {
    const known = this.counters.some((c) => c.id === counter.id);
    this.counters = known ? this.counters.map((c) => (c.id === counter.id ? counter : c)) : [...this.counters, counter];
  }
}
