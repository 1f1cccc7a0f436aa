// socket.io: a full `state` snapshot on every connect (so a reconnect after a
// blip or a restart never leaves a screen wrong), then events. Who sees what:
// - everyone (boards, phones): the hall's public view — numbers, counters, queue sizes
// - staff: + the waiting tickets of the fields their counter serves, with what the kiosk learned
// - managers: + every field's waiting tickets, today's stats, device health and alerts
// Waiting lists go out capped (the first WAITING_PAGE of each field, and each
// field's total); `waiting.page` asks for more. A staff socket's session is
// checked again on each of its requests and every SESSION_CHECK_MS, and logout
// drops its sockets at once: rights end with the session, not with the socket.
import { Server, type Socket } from 'socket.io';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { toIso, dayKey } from '../domain/index.ts';
import { ERRORS, HTTP_ERRORS, say } from '../domain/messages.ts';
import type { AppContext } from '../http/context.ts';
import type { Actor } from '../services/actor.ts';
import type { RecentCall } from '../services/hall.service.ts';
import type { TicketRecord } from '../store/index.ts';
import { sha256 } from '../services/auth.service.ts';
import { counterView, deviceHealthView, devicesView, publicTicket, staffTicket } from '../http/present.ts';
import { Outbox, wantsBatch } from './outbox.ts';
import type { SharedRedis } from './redis.ts';

const STATS_THROTTLE_MS = 1000;
/** Waiting tickets per field in a snapshot or a `waiting.changed`; also the largest page of `waiting.page`. */
export const WAITING_PAGE = 50;
const SESSION_CHECK_MS = 30_000;

export interface RealtimeOptions {
  publicBase: () => string;
  sessionCheckMs?: number;
  /** The centre whose rooms these are (CENTER_ID): servers of other centres on the same Redis never reach its screens. */
  centreId: string;
  /** REDIS_URL: events shared with the centre's other servers. */
  redis?: SharedRedis | null;
}

export function attachRealtime(app: FastifyInstance, ctx: AppContext, opts: RealtimeOptions): Server {
  // Every room is the centre's: itself (every screen), :manager, :batch, :waiting:all, :waiting:counter:<id> (its staff).
  const CENTRE = `centre:${opts.centreId}`;
  const ROOM_MANAGER = `${CENTRE}:manager`;
  const ROOM_BATCH = `${CENTRE}:batch`;
  const WAITING_ROOM = `${CENTRE}:waiting:`;
  const shared = Boolean(opts.redis); // rooms may have members on other servers: send without looking here
  const io = new Server(app.server, {
    ...(opts.redis ? { adapter: opts.redis.adapter } : {}),
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
      if (s && sid) {
        actor = ctx.auth.actorFromSession(s);
        socket.data.sid = sid;
        socket.data.sidHash = sha256(sid);
      }
    }
    socket.data.actor = actor;
    socket.data.batch = wantsBatch(socket.handshake.auth);
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

  const isManager = (actor: Actor) => actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin');
  /** The waiting view an actor belongs to, as its room: managers all fields, staff their counter's, anyone else none. */
  const waitingRoom = (actor: Actor): string | null =>
    isManager(actor) ? `${WAITING_ROOM}all` : actor.kind === 'user' && actor.counterId ? `${WAITING_ROOM}counter:${actor.counterId}` : null;
  /** A view's waiting and parked tickets, field by field, in the order they came. */
  const waitingByField = (room: string): Map<string, TicketRecord[]> => {
    const counterId = room.startsWith(`${WAITING_ROOM}counter:`) ? room.slice(`${WAITING_ROOM}counter:`.length) : null;
    const byField = new Map<string, TicketRecord[]>();
    for (const t of queue.tickets.list()) {
      if (t.status !== 'waiting' && t.status !== 'parked') continue;
      if (counterId !== null && !queue.centre.serves(counterId, t.serviceId)) continue;
      const list = byField.get(t.serviceId);
      if (list) list.push(t);
      else byField.set(t.serviceId, [t]);
    }
    return byField;
  };
  const staffView = (t: TicketRecord) => staffTicket(queue, t, opts.publicBase(), queue.estimates.estimateOf(t));
  /** The first WAITING_PAGE of each field and each field's total. */
  const waitingFor = (room: string) => {
    const waiting: ReturnType<typeof staffView>[] = [];
    const waitingTotals: Record<string, number> = {};
    for (const [serviceId, list] of waitingByField(room)) {
      waitingTotals[serviceId] = list.length;
      for (const t of list.slice(0, WAITING_PAGE)) waiting.push(staffView(t));
    }
    return { waiting, waitingTotals };
  };
  /** The snapshot an actor sees; a manager's stats and devices are read first, so the rest is as of the moment it leaves. */
  const snapshot = async (actor: Actor) => {
    const room = waitingRoom(actor);
    const manager = isManager(actor);
    const stats = manager ? await todayStats() : null;
    const devices = manager ? devicesView(await ctx.devices.overview()) : null;
    return {
      time: toIso(queue.centre.now()),
      queue: queue.estimates.queueSummary(),
      counters: queue.centre.config.counters.map((c) => counterView(ctx, c.id)),
      recentCalls: queue.hall.calls().map(call),
      ...(actor.kind === 'user' ? (room ? waitingFor(room) : { waiting: [], waitingTotals: {} }) : {}),
      ...(manager ? { stats, ...devices } : {}),
    };
  };

  /** Drops a socket whose session is over; the client reconnects with what it may see then (the hall's view). */
  const endSession = (socket: Socket) => {
    socket.emit('session.ended', {});
    socket.disconnect(true);
  };
  /** Whether a staff socket's session still holds (signed in, not expired, account enabled, same role and counter). */
  const sessionHolds = async (socket: Socket): Promise<boolean> => {
    const actor = socket.data.actor as Actor;
    if (actor.kind !== 'user') return true;
    const s = await ctx.auth.session(socket.data.sid as string).catch(() => null);
    const now = s ? ctx.auth.actorFromSession(s) : null;
    if (now?.kind === 'user' && now.role === actor.role && now.counterId === actor.counterId) return true;
    if (socket.connected) endSession(socket);
    return false;
  };
  const sessionCheck = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) void sessionHolds(socket);
  }, opts.sessionCheckMs ?? SESSION_CHECK_MS);
  sessionCheck.unref();
  const stopListening = ctx.auth.onSessionEnded((ended) => {
    for (const socket of io.of('/').sockets.values()) {
      const actor = socket.data.actor as Actor;
      if (actor.kind !== 'user') continue;
      if (socket.data.sidHash === ended.sessionHash || (ended.username !== undefined && actor.username === ended.username)) endSession(socket);
    }
  });

  io.on('connection', (socket: Socket) => {
    const actor = socket.data.actor as Actor;
    const room = waitingRoom(actor);
    void socket.join(CENTRE);
    if (socket.data.batch === true) void socket.join(ROOM_BATCH);
    if (actor.kind === 'user') {
      if (isManager(actor)) void socket.join(ROOM_MANAGER);
      if (room) void socket.join(room);
    }
    // The actor is read at each use: a moved official's socket acts for the new counter (staff.moved).
    const sendState = () => {
      snapshot(socket.data.actor as Actor).then(
        (state) => socket.emit('state', state),
        (e: unknown) => app.log.error(e, 'realtime snapshot'),
      );
    };
    sendState();
    // A client may ask for a fresh snapshot at any time (e.g. after waking from sleep); staff only while signed in.
    socket.on('state.request', () => {
      void sessionHolds(socket).then((ok) => ok && sendState());
    });
    // More of one field's waiting list than the first WAITING_PAGE: { serviceId, offset, limit? } → { serviceId, offset, total, waiting }.
    socket.on('waiting.page', (req: unknown, ack?: unknown) => {
      const answer = (body: unknown) => (typeof ack === 'function' ? (ack as (b: unknown) => void)(body) : socket.emit('waiting.page', body));
      const q = (req ?? {}) as { serviceId?: unknown; offset?: unknown; limit?: unknown };
      const offset = q.offset ?? 0;
      const limit = q.limit ?? WAITING_PAGE;
      if (typeof q.serviceId !== 'string' || !Number.isInteger(offset) || !Number.isInteger(limit) || (offset as number) < 0 || (limit as number) < 1 || (limit as number) > WAITING_PAGE) {
        return answer({ error: { code: 'bad_request', message: say(HTTP_ERRORS.bad_request) } });
      }
      void sessionHolds(socket).then((ok) => {
        if (!ok) return;
        const room = waitingRoom(socket.data.actor as Actor);
        if (!room) return answer({ error: { code: 'unauthorized', message: say(ERRORS.unauthorized) } });
        const list = waitingByField(room).get(q.serviceId as string) ?? [];
        answer({ serviceId: q.serviceId, offset, total: list.length, waiting: list.slice(offset as number, (offset as number) + (limit as number)).map(staffView) });
      });
    });
  });

  // Changes are gathered for GATHER_MS and sent together (outbox.ts); a call leaves at once.
  const outbox = new Outbox(io.to(CENTRE).except(ROOM_BATCH), io.to(ROOM_BATCH), {
    ticket: (t) => pub(t),
    counter: (id) => counterView(ctx, id),
    queue: () => queue.estimates.queueSummary(),
    // Each view's waiting list only when some official is there to see it, each with the fields it may see.
    afterFlush: () => {
      const rooms = shared
        ? [`${WAITING_ROOM}all`, ...queue.centre.config.counters.map((c) => `${WAITING_ROOM}counter:${c.id}`)]
        : [...io.sockets.adapter.rooms].filter(([room, members]) => room.startsWith(WAITING_ROOM) && members.size > 0).map(([room]) => room);
      for (const room of rooms) io.to(room).emit('waiting.changed', waitingFor(room));
    },
  });
  let statsTimer: NodeJS.Timeout | null = null;
  const statsChanged = () => {
    if (statsTimer || (!shared && !io.sockets.adapter.rooms.get(ROOM_MANAGER)?.size)) return;
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
    outbox.issued(t);
    statsChanged();
  });
  bus.on('ticket.called', ({ ticket, recall }) => {
    const c = queue.hall.calls().find((x) => x.ticketId === ticket.id);
    if (c) io.to(CENTRE).emit(recall ? 'ticket.recalled' : 'ticket.called', { call: call(c) });
    outbox.ticket(ticket);
    statsChanged();
  });
  bus.on('ticket.updated', (t) => {
    outbox.ticket(t);
    statsChanged();
  });
  bus.on('counter.updated', (id) => outbox.counter(id));
  // The live configuration replaced (the admin console): screens fetch /api/v1/center again; every counter and the queue go out anew.
  bus.on('center.changed', (c) => {
    io.to(CENTRE).emit('center.changed', { name: c.center.name, services: c.services.length, counters: c.counters.length });
    for (const k of c.counters) outbox.counter(k.id);
    outbox.queue();
  });
  // A manager moved an official (issue 13.3): their sockets at the old counter now act for the new one, see its waiting list, and are told.
  bus.on('staff.moved', ({ username, fromCounterId, toCounterId }) => {
    for (const socket of io.of('/').sockets.values()) {
      const actor = socket.data.actor as Actor;
      if (actor.kind !== 'user' || actor.username !== username || actor.counterId !== fromCounterId) continue;
      void socket.leave(`${WAITING_ROOM}counter:${fromCounterId}`);
      socket.data.actor = { ...actor, counterId: toCounterId };
      void socket.join(`${WAITING_ROOM}counter:${toCounterId}`);
      socket.emit('seat.moved', { counter: counterView(ctx, toCounterId) });
      void snapshot(socket.data.actor as Actor).then((state) => socket.emit('state', state), (e: unknown) => app.log.error(e, 'realtime snapshot'));
    }
  });
  bus.on('device.health', (d) => {
    io.to(ROOM_MANAGER).emit('device.health', { device: deviceHealthView(d) });
  });
  // A kiosk replays what it issued offline (issue 17.4): every screen says "đang đồng bộ" until it is done.
  bus.on('kiosk.sync', ({ deviceId, remaining }) => io.to(CENTRE).emit('kiosk.sync', { syncing: queue.offline.isSyncing(), deviceId, remaining }));
  bus.on('alert', (a) => {
    io.to(ROOM_MANAGER).emit('alert', { kind: a.kind, message: a.message, at: toIso(a.at), deviceId: a.deviceId, ticketId: a.ticketId });
  });

  // Before the HTTP server closes (it waits for open connections): drop the
  // realtime clients. Closing socket.io itself would close Fastify's server twice.
  app.addHook('preClose', async () => {
    clearInterval(sessionCheck);
    stopListening();
    outbox.stop();
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
  async (app, opts: RealtimeOptions & { ctx: AppContext }) => {
    app.decorate('io', attachRealtime(app, opts.ctx, opts));
  },
  { name: 'realtime' },
);
