// What the server says about the hall, kept live over socket.io. Every `state`
// snapshot replaces everything, so after a reconnect or a server restart the
// screen shows only what the server shows.
import { io, type Socket } from 'socket.io-client';
import { addCall, sortCalls } from './calls.ts';
import type { Alert, Call, CenterInfo, Device, LiveCounter, QueueItem, StateSnapshot, Stats, StaffTicket } from './types.ts';
import { applyTicket, fromSnapshot, removeTicket, type WaitingEntry } from './waiting.ts';

const ENDED = new Set(['done', 'no_show', 'cancelled', 'transferred', 'parked', 'waiting']);

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

  #socket: Socket | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;

  connect(token?: string): void {
    const s = io({ path: '/socket.io', withCredentials: true, auth: token ? { token } : {}, transports: ['websocket', 'polling'] });
    s.on('connect', () => (this.connected = true));
    s.on('disconnect', (reason) => {
      this.connected = false;
      // After the server itself drops us, socket.io waits for us to ask again.
      if (reason === 'io server disconnect') setTimeout(() => s.connect(), 1000);
    });
    s.on('state', (st: StateSnapshot) => this.#snapshot(st));
    s.on('ticket.called', ({ call }: { call: Call }) => this.#call(call));
    s.on('ticket.recalled', ({ call }: { call: Call }) => this.#call(call));
    s.on('ticket.issued', ({ ticket }: { ticket: TicketEvent }) => this.#ticket(ticket));
    s.on('ticket.updated', ({ ticket }: { ticket: TicketEvent }) => this.#ticket(ticket));
    s.on('waiting.changed', ({ waiting }: { waiting: StaffTicket[] }) => (this.waiting = fromSnapshot(waiting, Date.now())));
    s.on('queue.changed', ({ queue }: { queue: QueueItem[] }) => (this.queue = queue));
    s.on('counter.updated', ({ counter }: { counter: LiveCounter }) => this.#counter(counter));
    s.on('stats.changed', ({ stats }: { stats: Stats }) => (this.stats = stats));
    s.on('device.health', ({ device }: { device: Device }) => {
      this.devices = [...this.devices.filter((d) => d.deviceId !== device.deviceId), device];
    });
    s.on('alert', (a: Alert) => (this.alerts = [a, ...this.alerts].slice(0, 20)));
    this.#socket = s;
    this.#timer = setInterval(() => (this.now = Date.now()), 1000);
    document.addEventListener('visibilitychange', this.#wake);
  }

  /** A screen waking from sleep may have missed events while the socket still looks alive. */
  #wake = (): void => {
    if (document.visibilityState === 'visible' && this.#socket?.connected) this.#socket.emit('state.request');
  };

  disconnect(): void {
    this.#socket?.disconnect();
    this.#socket = null;
    if (this.#timer) clearInterval(this.#timer);
    document.removeEventListener('visibilitychange', this.#wake);
  }

  async loadCenter(): Promise<void> {
    try {
      const r = await fetch('/api/v1/center', { headers: { accept: 'application/json' } });
      if (r.ok) this.center = (await r.json()) as CenterInfo;
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
    this.waiting = applyTicket(this.waiting, { ...t, priorityCategoryId: t.priorityCategoryId ?? null }, Date.now());
    this.counters = this.counters.map((c) => {
      if (c.currentTicket?.id === t.id && ENDED.has(t.status)) return { ...c, currentTicket: null };
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
