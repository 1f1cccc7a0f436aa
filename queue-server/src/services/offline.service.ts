// A kiosk that keeps issuing while the server is unreachable (issue 17.4). While it can reach the
// server, the kiosk agent leases blocks of each field's numbers: the field's day sequence jumps past
// the block in the same write, so the server never gives one of them, and two kiosks never share
// one. What the kiosk issued from its lease comes back as replays, each with its idempotency key and
// original issue time: the ticket joins the queue at that time (the waiting order and the KPIs'
// waits count from it), marked by when it was synced. A lease ends with its day: a replay once the
// day has closed is refused (`offline_day_closed`), since its queue was expired at the close.
import { randomBytes } from 'node:crypto';
import { dayKey, formatTicketNumber, newTicket } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';
import { ticketRecord, type TicketRecord } from '../store/index.ts';
import type { StoreReads } from '../store/port.ts';
import type { Actor } from './actor.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { OpenTickets } from './open-tickets.ts';
import { newTicketId } from './ticket-id.ts';

export const DEFAULT_LEASE_SIZE = 20;
export const MAX_LEASE_SIZE = 200;
/** How far ahead of the server's clock a kiosk's issue time may be (two clocks never agree to the second). */
const CLOCK_SKEW_MS = 120_000;
/** A kiosk that said it had more to replay and then went silent stops showing as syncing after this. */
const SYNC_SILENCE_MS = 30_000;

export interface Lease {
  id: string;
  deviceId: string;
  serviceId: string;
  day: string;
  numbers: { seq: number; number: string }[];
  at: number;
  /** When the day closes: the lease's unused numbers return then (a replay after it is refused). */
  validUntil: number;
}

export interface ReplayInput {
  leaseId: string;
  number: string;
  /** When the kiosk issued it (ms since the epoch). */
  issuedAt: number;
  lang?: string;
  priorityCategoryId?: string | null;
  /** The id the kiosk gave the ticket (its slip's QR, `/t/<id>`), 12 URL-safe characters; the server makes one without it. */
  ticketId?: string;
  /** Replays the kiosk still has after this one; 0 once it is done. */
  remaining?: number;
}

/** A kiosk's offline issuing today, for the managers: how many tickets, from when to when, synced when. */
export interface OfflineSummary {
  deviceId: string;
  kioskId: string | null;
  tickets: number;
  firstIssuedAt: number;
  lastIssuedAt: number;
  lastSyncedAt: number;
  syncing: boolean;
}

const leaseKey = (id: string) => `kiosk-lease:${id}`;

export class OfflineService {
  private readonly leases = new Map<string, Lease>();
  private readonly syncing = new Map<string, { remaining: number; at: number }>();

  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly reads: Pick<StoreReads, 'meta' | 'ticket'>,
    private readonly bus: Bus,
    private readonly closesAt: (day: string) => number,
  ) {}

  private kiosk(actor: Actor): string {
    if (actor.kind !== 'device' || actor.deviceKind !== 'kiosk') throw fail('forbidden:lease');
    return actor.deviceId;
  }

  /** Leases `size` numbers of each field asked for (every field when none is named), in one write. */
  async lease(actor: Actor, serviceIds: string[] | undefined, size = DEFAULT_LEASE_SIZE): Promise<Lease[]> {
    const deviceId = this.kiosk(actor);
    const services = (serviceIds ?? this.centre.config.services.map((s) => s.id)).map((id) => this.centre.service(id));
    const format = this.centre.config.ticketFormat;
    const now = this.centre.now();
    const made = await this.open.write((w) =>
      services.map((service) => {
        const { day, numbers } = this.open.reserve(service.id, size, (n) => formatTicketNumber(service.prefix, n, format));
        const lease: Lease = { id: `ls-${randomBytes(8).toString('hex')}`, deviceId, serviceId: service.id, day, numbers, at: now, validUntil: this.closesAt(day) };
        w.sequence(day, service.id, numbers[numbers.length - 1]!.seq);
        (w.batch.meta ??= []).push({ key: leaseKey(lease.id), value: JSON.stringify(lease) });
        return lease;
      }),
    );
    for (const l of made) this.leases.set(l.id, l);
    return made;
  }

  private async leaseOf(id: string, deviceId: string): Promise<Lease> {
    let lease = this.leases.get(id);
    if (!lease && /^ls-[0-9a-f]{16}$/.test(id)) {
      const raw = await this.reads.meta(leaseKey(id));
      if (raw) lease = JSON.parse(raw) as Lease;
      if (lease) this.leases.set(id, lease);
    }
    if (!lease || lease.deviceId !== deviceId) throw fail('unknown_lease', { id });
    return lease;
  }

  /** A ticket the kiosk issued offline joins the queue at its issue time; the same key always answers the same ticket. */
  async replay(actor: Actor, input: ReplayInput, key: string): Promise<{ ticket: TicketRecord; replay: boolean }> {
    const deviceId = this.kiosk(actor);
    const known = this.open.keyTicketId(key);
    if (known) return this.done(deviceId, input, { ticket: await this.open.get(known), replay: true });
    const lease = await this.leaseOf(input.leaseId, deviceId);
    const entry = lease.numbers.find((n) => n.number === input.number);
    if (!entry) throw fail('number_not_in_lease', { number: input.number, id: lease.id });
    const now = this.centre.now();
    if (now >= lease.validUntil || dayKey(now) !== lease.day) throw fail('offline_day_closed', { day: lease.day, number: input.number });
    const issuedAt = Math.min(input.issuedAt, now);
    if (dayKey(input.issuedAt) !== lease.day || input.issuedAt > now + CLOCK_SKEW_MS || input.issuedAt < lease.at - CLOCK_SKEW_MS) {
      throw fail('offline_issue_time', { number: input.number });
    }
    const priority = input.priorityCategoryId && this.centre.config.priorityCategories.some((p) => p.id === input.priorityCategoryId) ? input.priorityCategoryId : null;
    // The lease was read: the same key may have come meanwhile.
    const again = this.open.keyTicketId(key);
    if (again) return this.done(deviceId, input, { ticket: await this.open.get(again), replay: true });
    if (this.open.numberGiven(entry.number)) throw fail('offline_number_taken', { number: entry.number });
    if (input.ticketId && (await this.reads.ticket(input.ticketId))) throw fail('offline_number_taken', { number: entry.number });
    const ticket = await this.open.write((w) => {
      const id = input.ticketId ?? newTicketId();
      const t = ticketRecord(
        newTicket({ id, number: entry.number, day: lease.day, serviceId: lease.serviceId, priorityCategoryId: priority, channel: 'kiosk', at: issuedAt, bookedAt: null }),
        {
          seq: entry.seq, kioskId: deviceId, procedureCode: null, citizenName: null, citizenAge: null, idHash: null, idLast4: null,
          printed: true, transferredTo: null, rating: null, lang: input.lang ?? null, dossierCode: null, checkedInAt: issuedAt, syncedAt: now,
        },
      );
      w.insertTicket(t);
      w.event({
        at: issuedAt, type: 'issued', ticketId: id, visitId: id, serviceId: t.serviceId, counterId: null, actor: `device:${deviceId}`,
        data: { leg: 0, channel: 'kiosk', priorityCategoryId: priority, kioskId: t.kioskId, procedureCode: null, offline: true, syncedAt: now, leaseId: lease.id },
      });
      w.idempotencyKey(key, id, now);
      return t;
    });
    this.bus.announce('ticket.issued', ticket);
    return this.done(deviceId, input, { ticket, replay: false });
  }

  private done<T>(deviceId: string, input: ReplayInput, r: T): T {
    this.syncState(deviceId, input.remaining ?? 0);
    return r;
  }

  /** A kiosk says how many replays it still has (0: done); the boards show "đang đồng bộ" meanwhile. */
  syncState(deviceId: string, remaining: number): void {
    const before = this.syncing.has(deviceId);
    if (remaining > 0) this.syncing.set(deviceId, { remaining, at: this.centre.now() });
    else this.syncing.delete(deviceId);
    if (before !== remaining > 0 || remaining > 0) this.bus.emit('kiosk.sync', { deviceId, remaining });
  }

  /** Whether any kiosk is replaying now (a silent one stops counting after SYNC_SILENCE_MS). */
  isSyncing(): boolean {
    const now = this.centre.now();
    for (const [id, s] of this.syncing) if (now - s.at > SYNC_SILENCE_MS) this.syncing.delete(id);
    return this.syncing.size > 0;
  }

  /** Today's offline issuing per kiosk, from the tickets in memory (open, or written since the start). */
  summary(tickets: Iterable<TicketRecord>): OfflineSummary[] {
    const day = dayKey(this.centre.now());
    const by = new Map<string, OfflineSummary>();
    const syncing = this.isSyncing();
    for (const t of tickets) {
      if (t.syncedAt === null || t.day !== day) continue;
      const deviceId = t.kioskId ?? '';
      const s = by.get(deviceId) ?? { deviceId, kioskId: t.kioskId, tickets: 0, firstIssuedAt: t.arrivedAt, lastIssuedAt: t.arrivedAt, lastSyncedAt: t.syncedAt, syncing: false };
      s.tickets++;
      s.firstIssuedAt = Math.min(s.firstIssuedAt, t.arrivedAt);
      s.lastIssuedAt = Math.max(s.lastIssuedAt, t.arrivedAt);
      s.lastSyncedAt = Math.max(s.lastSyncedAt, t.syncedAt);
      s.syncing = syncing && this.syncing.has(deviceId);
      by.set(deviceId, s);
    }
    return [...by.values()].sort((a, b) => a.firstIssuedAt - b.firstIssuedAt);
  }
}
