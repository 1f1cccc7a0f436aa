// socket.io: a full `state` snapshot on every connect (so a reconnect after a
// blip or a restart never leaves a screen wrong), then events. Who sees what:
// - everyone (boards, phones): the hall's public view — numbers, counters, queue sizes
// - staff: + the waiting tickets with what the kiosk learned
// - managers: + today's stats, device health and alerts
import { Server, type Socket } from 'socket.io';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { toIso, dayKey } from '../domain/index.ts';
import type { AppContext } from '../http/context.ts';
import type { Actor } from '../services/actor.ts';
import type { RecentCall } from '../services/hall.service.ts';
import type { TicketRecord } from '../store/index.ts';
import { counterView, deviceHealthView, devicesView, publicTicket, staffTicket } from '../http/present.ts';

const ROOM_STAFF = 'staff';
const ROOM_MANAGER = 'manager';
const STATS_THROTTLE_MS = 1000;

export function attachRealtime(app: FastifyInstance, ctx: AppContext, opts: { publicBase: () => string }): Server {
  const io = new Server(app.server, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    cors: { origin: false },
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  const { queue, bus } = ctx;

  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    let actor: Actor = { kind: 'public' };
    if (typeof token === 'string' && token.length > 0) {
      const device = await ctx.auth.device(token);
      if (!device) return next(new Error('bad_device_token'));
      actor = { kind: 'device', deviceId: device.id, deviceKind: device.kind, counterId: device.counterId };
    } else {
      const sid = app.parseCookie(socket.handshake.headers.cookie ?? '').sid;
      const s = sid ? await ctx.auth.session(sid) : null;
      if (s) actor = ctx.auth.actorFromSession(s);
    }
    socket.data.actor = actor;
    next();
  });

  const call = (c: RecentCall) => ({
    ticketId: c.ticketId,
    number: c.number,
    serviceId: c.serviceId,
    counterId: c.counterId,
    counterNumber: c.counterNumber,
    calledAt: toIso(c.calledAt),
    recall: c.recall,
    announcement: queue.hall.announcement(c),
  });

  const todayStats = async () => {
    const d = dayKey(queue.centre.now());
    return { from: d, to: d, ...(await ctx.stats.between(d, d)) };
  };

  const waitingForStaff = () => {
    const base = opts.publicBase();
    return queue
      .tickets.list()
      .filter((t) => t.status === 'waiting' || t.status === 'parked')
      .map((t) => staffTicket(queue, t, base, queue.estimates.estimateOf(t)));
  };

  const isManager = (actor: Actor) => actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin');
  /** The snapshot an actor sees; a manager's stats are read first, so the rest is as of the moment it leaves. */
  const snapshot = async (actor: Actor) => {
    const staff = actor.kind === 'user';
    const manager = isManager(actor);
    const stats = manager ? await todayStats() : null;
    return {
      time: toIso(queue.centre.now()),
      queue: queue.estimates.queueSummary(),
      counters: queue.centre.config.counters.map((c) => counterView(ctx, c.id)),
      recentCalls: queue.hall.calls().map(call),
      ...(staff ? { waiting: waitingForStaff() } : {}),
      ...(manager ? { stats, ...devicesView(ctx.devices.overview()) } : {}),
    };
  };

  io.on('connection', (socket: Socket) => {
    const actor = socket.data.actor as Actor;
    if (actor.kind === 'user') {
      void socket.join(ROOM_STAFF);
      if (isManager(actor)) void socket.join(ROOM_MANAGER);
    }
    const sendState = () => {
      snapshot(actor).then(
        (state) => socket.emit('state', state),
        (e: unknown) => app.log.error(e, 'realtime snapshot'),
      );
    };
    sendState();
    // A client may ask for a fresh snapshot at any time (e.g. after waking from sleep).
    socket.on('state.request', sendState);
  });

  // Queue-wide changes are coalesced: a burst of issues sends one queue.changed.
  // What follows from a call or any other change — the ticket's new status, a
  // counter's current ticket — goes with it, each ticket and counter once with
  // its latest state: the call itself (ticket.called) leaves at once and is
  // never queued behind them, and a burst sends each change once.
  let queueTimer: NodeJS.Timeout | null = null;
  const changedTickets = new Map<string, TicketRecord>();
  const changedCounters = new Set<string>();
  const queueChanged = () => {
    if (queueTimer) return;
    queueTimer = setTimeout(() => {
      queueTimer = null;
      for (const t of changedTickets.values()) io.emit('ticket.updated', { ticket: pub(t) });
      changedTickets.clear();
      for (const id of changedCounters) io.emit('counter.updated', { counter: counterView(ctx, id) });
      changedCounters.clear();
      io.emit('queue.changed', { queue: queue.estimates.queueSummary() });
      // Every waiting ticket's estimate only when some official is there to see it.
      if (io.sockets.adapter.rooms.get(ROOM_STAFF)?.size) io.to(ROOM_STAFF).emit('waiting.changed', { waiting: waitingForStaff() });
    }, 100);
  };
  const ticketChanged = (t: TicketRecord) => {
    changedTickets.set(t.id, t);
    if (t.counterId) changedCounters.add(t.counterId);
    queueChanged();
  };
  let statsTimer: NodeJS.Timeout | null = null;
  const statsChanged = () => {
    if (statsTimer || !io.sockets.adapter.rooms.get(ROOM_MANAGER)?.size) return;
    statsTimer = setTimeout(() => {
      statsTimer = null;
      todayStats().then(
        (stats) => io.to(ROOM_MANAGER).emit('stats.changed', { stats }),
        (e: unknown) => app.log.error(e, 'realtime stats'),
      );
    }, STATS_THROTTLE_MS);
  };

  const pub = (t: Parameters<typeof publicTicket>[1]) => publicTicket(queue, t, opts.publicBase(), { peopleAhead: 0, estimatedWaitMinutes: null });

  bus.on('ticket.issued', (t) => {
    io.emit('ticket.issued', { ticket: pub(t) });
    queueChanged();
    statsChanged();
  });
  bus.on('ticket.called', ({ ticket, recall }) => {
    const c = queue.hall.calls().find((x) => x.ticketId === ticket.id);
    if (c) io.emit(recall ? 'ticket.recalled' : 'ticket.called', { call: call(c) });
    ticketChanged(ticket);
    statsChanged();
  });
  bus.on('ticket.updated', (t) => {
    ticketChanged(t);
    statsChanged();
  });
  bus.on('counter.updated', (id) => {
    changedCounters.add(id);
    queueChanged();
  });
  bus.on('device.health', (d) => {
    io.to(ROOM_MANAGER).emit('device.health', { device: deviceHealthView(d) });
  });
  bus.on('alert', (a) => {
    io.to(ROOM_MANAGER).emit('alert', { kind: a.kind, message: a.message, at: toIso(a.at), deviceId: a.deviceId, ticketId: a.ticketId });
  });

  // Before the HTTP server closes (it waits for open connections): drop the
  // realtime clients. Closing socket.io itself would close Fastify's server twice.
  app.addHook('preClose', async () => {
    if (queueTimer) clearTimeout(queueTimer);
    if (statsTimer) clearTimeout(statsTimer);
    io.disconnectSockets(true);
    io.engine.close();
  });
  return io;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The realtime server, once the realtime plugin is registered. */
    io: Server;
  }
}

/** socket.io on the server's own HTTP port (fastify-plugin: it hooks the root server's listen and close). */
export const realtime = fp(
  async (app, opts: { ctx: AppContext; publicBase: () => string }) => {
    app.decorate('io', attachRealtime(app, opts.ctx, opts));
  },
  { name: 'realtime' },
);
