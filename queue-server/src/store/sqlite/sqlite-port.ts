// The store port over one SQLite file. A batch runs as one savepoint of the
// store's group commit (sqlite-store.ts): the writes of one event-loop turn
// share one COMMIT, and commit() resolves once that COMMIT is on disk.
// better-sqlite3 is synchronous, so the reads answer at once.
import { OPEN_STATUSES } from '../../domain/index.ts';
import type { AuditInput, Batch, RuntimeState, StorePort, StoreReads } from '../port.ts';
import type { Store } from './sqlite-store.ts';

export class SqlitePort implements StorePort {
  readonly kind = 'sqlite' as const;
  readonly reads: StoreReads;

  constructor(readonly store: Store) {
    const s = store;
    this.reads = {
      ticket: async (id) => s.tickets.get(id),
      ticketByNumber: async (day, number) => s.tickets.byNumber(day, number),
      lastFinishedAt: async (counterId) => s.tickets.lastFinishedAt(counterId),
      recentServiceTimes: async (day) => s.tickets.recentServiceTimes(day),
      user: async (username) => s.users.get(username),
      users: async () => s.users.all(),
      session: async (idHash, now) => s.users.session(idHash, now),
      sessionsAt: async (counterId, now) => s.users.sessionsAt(counterId, now),
      device: async (id) => s.devices.get(id),
      deviceByTokenHash: async (hash) => s.devices.byTokenHash(hash),
      devices: async () => s.devices.all(),
      openAlerts: async () => s.devices.openAlerts(),
      openAlertCount: async (deviceId) => s.devices.openAlertCount(deviceId),
      latestOpenAlert: async (deviceId, kind) => s.devices.latestOpenAlert(deviceId, kind),
      booking: async (code) => s.bookings.get(code),
      bookingsToRemind: async (from, to) => s.bookings.toRemind(from, to),
      bookingCounts: async (serviceId, day) => s.bookings.countsFor(serviceId, day),
      dossier: (code) => s.dossiers.find(code),
      ratingNotes: async (from, to) => s.ratingNotes.between(from, to),
      preparation: async (visitId) => s.preparations.get(visitId),
      visitEvents: async (fromDay, toDay) => s.events.forVisitsArrivedBetween(fromDay, toDay),
      eventsAfter: async (afterId, limit) => s.events.after(afterId, limit),
      audit: async (limit) => s.audit.recent(limit),
      meta: async (key) => s.users.meta(key),
    };
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  durable(): Promise<void> {
    return this.store.durable();
  }

  afterCommit(fn: () => void): void {
    this.store.afterCommit(fn);
  }

  async loadRuntime(day: string): Promise<RuntimeState> {
    const s = this.store;
    return {
      day,
      openTickets: s.tickets.open(),
      counters: [...s.counters.all()].map(([counterId, st]) => ({ counterId, status: st.status, staff: st.staff, serviceIds: st.serviceIds })),
      sequences: s.tickets.daySequences(day),
      numbers: s.tickets.dayNumbers(day),
      issued: s.tickets.dayIssued(day),
      idempotencyKeys: s.idempotency.all(),
    };
  }

  commit(batch: Batch): Promise<void> {
    try {
      this.store.tx(() => this.apply(batch));
    } catch (e) {
      return Promise.reject(e);
    }
    return this.store.durable();
  }

  /** The batch's writes, in an order the foreign keys accept: tickets before the events and keys that name them. */
  private apply(b: Batch): void {
    const s = this.store;
    for (const q of b.sequences ?? []) s.tickets.raiseSeq(q.day, q.serviceId, q.seq);
    for (const t of b.insertTickets ?? []) s.tickets.insert(t);
    for (const t of b.updateTickets ?? []) s.tickets.update(t);
    for (const e of b.events ?? []) s.events.append(e);
    if (b.forgetIdempotencyKeysBefore !== undefined) s.idempotency.forgetBefore(b.forgetIdempotencyKeysBefore);
    for (const k of b.idempotencyKeys ?? []) s.idempotency.put(k.key, k.ticketId, k.at);
    for (const c of b.counters ?? []) s.counters.set(c.counterId, c.status, c.staff, c.serviceIds, c.at);
    for (const a of b.audit ?? []) s.audit.append(a.actor, a.action, a.target, a.detail, a.at);
    for (const c of b.bookingCheckIns ?? []) s.bookings.checkIn(c.code, c.ticketId);
    for (const bk of b.bookings ?? []) s.bookings.insert(bk);
    for (const d of b.dossiers ?? []) s.dossiers.upsert(d);
    for (const n of b.ratingNotes ?? []) s.ratingNotes.insert(n);
    for (const p of b.preparations ?? []) s.preparations.insert(p);
    for (const u of b.users ?? []) s.users.upsert(u);
    for (const l of b.logins ?? []) s.users.recordLogin(l.username, l.ok, l.lockAfter, l.lockMs, l.at);
    for (const d of b.userDisabled ?? []) s.users.setDisabled(d.username, d.disabled);
    for (const m of b.meta ?? []) s.users.setMeta(m.key, m.value);
    if (b.expireSessionsAt !== undefined) s.users.purgeSessions(b.expireSessionsAt);
    for (const x of b.sessions ?? []) s.users.createSession(x);
    for (const id of b.endSessions ?? []) s.users.deleteSession(id);
    for (const u of b.endSessionsOf ?? []) s.users.deleteSessionsOf(u);
    for (const m of b.moveSessions ?? []) s.users.moveSessions(m.username, m.fromCounterId, m.toCounterId);
    for (const d of b.devices ?? []) s.devices.upsert(d);
    for (const r of b.revokeDevices ?? []) s.devices.revoke(r.id, r.at);
    for (const h of b.deviceHealth ?? []) s.devices.reportHealth(h.deviceId, h.parts, h.at);
    for (const r of b.resolveAlerts ?? []) s.devices.resolveAlerts(r.deviceId, r.kind, r.at);
    for (const a of b.alerts ?? []) s.devices.addAlert(a);
  }

  forgetBookings(cutoff: number): Promise<number> {
    let n = 0;
    try {
      this.store.tx(() => {
        n = this.store.bookings.forgetPeople(cutoff);
      });
    } catch (e) {
      return Promise.reject(e);
    }
    return this.store.durable().then(() => n);
  }

  forgetRatingNotes(cutoff: number): Promise<number> {
    let n = 0;
    try {
      this.store.tx(() => {
        n = this.store.ratingNotes.forget(cutoff);
      });
    } catch (e) {
      return Promise.reject(e);
    }
    return this.store.durable().then(() => n);
  }

  forgetDeclarations(cutoff: number): Promise<number> {
    let n = 0;
    try {
      this.store.tx(() => {
        n = this.store.preparations.forgetDeclarations(cutoff, OPEN_STATUSES);
      });
    } catch (e) {
      return Promise.reject(e);
    }
    return this.store.durable().then(() => n);
  }

  forgetCitizens(cutoff: number, audit: (tickets: number) => AuditInput): Promise<number> {
    let n = 0;
    try {
      this.store.tx(() => {
        n = this.store.tickets.forgetCitizens(cutoff);
        if (n > 0) this.apply({ audit: [audit(n)] });
      });
    } catch (e) {
      return Promise.reject(e);
    }
    return this.store.durable().then(() => n);
  }

  async close(): Promise<void> {
    this.store.close();
  }
}
