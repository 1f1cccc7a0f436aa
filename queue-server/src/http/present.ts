// How things look on the wire, for the routes and the realtime events alike.
// Tickets: the public view (kiosk, phone, board) shows nothing personal; the
// staff view adds the wait and what the kiosk learned.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toIso, type Estimate } from '../domain/index.ts';
import type { Alert, Device, TicketRecord } from '../store/index.ts';
import type { Queue } from '../services/queue.ts';
import type { ShownEstimate } from '../services/estimate.service.ts';
import { priorityProof } from '../services/issue.service.ts';
import type { AppContext } from './context.ts';
import { awaitingArrival } from '../services/check-in.service.ts';

const SANE_HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/**
 * Where phones reach this server: the configured public URL, else the Host the
 * kiosk used (on a centre's LAN that is the server's own address), checked so
 * a forged Host cannot put an odd address into a ticket's QR.
 */
export function baseUrl(q: Queue, req: FastifyRequest): string {
  if (q.centre.config.center.publicUrl) return q.centre.config.center.publicUrl.replace(/\/$/, '');
  const m = SANE_HOST.exec(req.host);
  const port = m?.[1] ? Number(m[1]) : 80;
  if (m && port > 0 && port <= 65535) return `${req.protocol}://${req.host}`;
  const local = req.socket.localAddress ?? '127.0.0.1';
  return `${req.protocol}://${local.includes(':') ? `[${local}]` : local}:${req.socket.localPort}`;
}

/** 204 with no body and no content type (a typed reply would want the null its schema names, and a sent null goes out as JSON). */
export const noContent = (reply: FastifyReply) => reply.code(204).send();

/**
 * A ticket as anyone may see it (a number is called aloud beside it): whether it
 * has priority, never which group (pregnancy, disability…). `group`: the views of
 * staff and of the ticket's holder, which name it.
 */
export function publicTicket(q: Queue, t: TicketRecord, base: string, est: Estimate & Partial<ShownEstimate> = q.estimates.estimateOf(t), group = false) {
  const counter = t.counterId ? q.centre.config.counters.find((c) => c.id === t.counterId) : undefined;
  const service = q.centre.config.services.find((s) => s.id === t.serviceId);
  const line = t.status === 'waiting' ? q.estimates.closingLine(t.serviceId) : null;
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    serviceName: service?.name ?? t.serviceId,
    status: t.status,
    priority: t.priorityCategoryId !== null,
    priorityCategoryId: group ? t.priorityCategoryId : null,
    channel: t.channel,
    issuedAt: toIso(t.arrivedAt),
    calledAt: t.calledAt === null ? null : toIso(t.calledAt),
    counterId: t.counterId,
    counterNumber: counter?.number ?? null,
    peopleAhead: est.peopleAhead,
    estimatedWaitMinutes: est.estimatedWaitMinutes,
    // The range the screens and the slip show ("khoảng 12–18 phút"), where the waits measured so far give one; else both null.
    estimatedWaitLowMinutes: est.estimatedWaitLowMinutes ?? null,
    estimatedWaitHighMinutes: est.estimatedWaitHighMinutes ?? null,
    // Only a waiting ticket can be past closing; its field's close is said with it.
    beyondClosing: t.status === 'waiting' && q.estimates.beyondClosing(t.serviceId, est.estimatedWaitMinutes),
    closesAt: line ? toIso(line.closesAt) : null,
    statusUrl: `${base}/t/${t.id}`,
    checkedIn: !awaitingArrival(t),
    printed: t.printed,
    rated: t.rating !== null,
    transferredTo: t.transferredTo,
    // Issued by a kiosk while the server was unreachable, and synced since (issue 17.4).
    offline: t.syncedAt !== null,
    syncedAt: t.syncedAt === null ? null : toIso(t.syncedAt),
  };
}

/**
 * The ticket as its holder gets it (the issuing kiosk, the booking check-in): its status URL,
 * and so the slip's QR, carries the visit's rating key (`?k=`), which no other answer gives.
 */
export function heldTicket(q: Queue, t: TicketRecord, base: string) {
  const v = publicTicket(q, t, base, undefined, true);
  return { ...v, statusUrl: `${v.statusUrl}?k=${q.ratings.keyOf(t)}` };
}

export function staffTicket(q: Queue, t: TicketRecord, base: string, est?: Estimate) {
  const now = q.centre.now();
  const waitEnd = t.waitEndAt ?? now;
  // A number from the phone waits in the hall from its check-in (issue 17.1), as the KPIs count it.
  const from = t.channel === 'mobile' && t.checkedInAt !== null && (t.waitEndAt === null || t.checkedInAt <= t.waitEndAt) ? Math.max(t.enqueuedAt, t.checkedInAt) : t.enqueuedAt;
  const wait = t.status === 'waiting' ? now - from : waitEnd - from;
  return {
    ...publicTicket(q, t, base, est ?? { peopleAhead: 0, estimatedWaitMinutes: null }, true),
    waitSeconds: Math.max(0, Math.round(wait / 1000)),
    visitWaitSeconds: Math.max(0, Math.round((wait + t.priorWaitMs) / 1000)),
    callCount: t.callCount,
    procedureCode: t.procedureCode,
    dossierCode: t.dossierCode,
    citizen: t.citizenName !== null ? { name: t.citizenName, age: t.citizenAge ?? 0 } : null,
    priorityDeclared: priorityProof(q.centre.config, t),
  };
}

export function counterView(ctx: AppContext, counterId: string) {
  const { queue } = ctx;
  const c = queue.centre.counter(counterId);
  // Who signed in at the counter, else the official who usually sits there (the hall shows them either way).
  const signedIn = queue.counters.states.staff(counterId);
  const staffName = signedIn ?? queue.centre.config.staff.find((s) => s.counterId === counterId && s.role === 'staff')?.username ?? null;
  const staffUser = staffName ? ctx.auth.user(staffName) : null;
  const configured = queue.centre.config.staff.find((s) => s.username === staffName);
  const official = staffUser ?? (configured ? { fullName: configured.fullName, title: configured.title, phone: configured.phone ?? null } : null);
  const cur = queue.counters.current(counterId);
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    nameEn: c.nameEn ?? c.name,
    serviceIds: c.serviceIds,
    /** The fields saved in the configuration; `serviceIds` are today's (issue 13.3). */
    configuredServiceIds: queue.centre.configuredCounter(counterId).serviceIds,
    priority: c.priority,
    status: queue.counters.states.status(counterId),
    signedIn: signedIn !== null,
    staff: official ? { fullName: official.fullName, title: official.title, phone: official.phone ?? configured?.phone ?? null } : null,
    currentTicket: cur ? { id: cur.id, number: cur.number, serviceId: cur.serviceId, status: cur.status } : null,
    /** What a finish here records when the official does not say (issue 16.1). */
    defaultOutcome: c.defaultOutcome ?? queue.centre.config.visits.defaultOutcome,
  };
}

/** A device as a health event shows it. */
type DeviceState = Device & { silentSince: number | null };
const isoOrNull = (at: number | null) => (at === null ? null : toIso(at));

/** A device as a health event shows it; `silentSince` (its last report) once it has said nothing for the centre's silence. */
export const deviceHealthView = (d: DeviceState) => ({ deviceId: d.id, name: d.name, kind: d.kind, lastSeenAt: isoOrNull(d.lastSeenAt), silentSince: isoOrNull(d.silentSince), parts: d.parts });

/** The managers' view of every device and the open alerts. */
export function devicesView({ devices, alerts }: { devices: DeviceState[]; alerts: Alert[] }) {
  return {
    devices: devices.map((d) => ({
      deviceId: d.id,
      name: d.name,
      kind: d.kind,
      counterId: d.counterId,
      revoked: d.revokedAt !== null,
      lastSeenAt: isoOrNull(d.lastSeenAt),
      silentSince: isoOrNull(d.silentSince),
      parts: d.parts,
    })),
    alerts: alerts.map((a) => ({ ...a, at: toIso(a.at), resolvedAt: null })),
  };
}
