// The queue's use cases: issue, call, serve, transfer, rate. Domain rules come
// from ../domain; this file orders them, persists through the store in one
// transaction each, and announces the result on the bus.
import { createHmac, randomFillSync } from 'node:crypto';
import type { CenterConfig, Counter, Service } from '@mot-cua/config';
import {
  DomainError,
  notFound,
  dayKey,
  formatTicketNumber,
  transition,
  newTicket,
  transfer as transferTicket,
  orderForCounter,
  estimateFor,
  estimateQueue,
  expectedServiceMs,
  isOpen,
  isOpenStatus,
  eventOfAction,
  nextOpening,
  toIso,
  type Action,
  type QueueEstimates,
  type Channel,
  type PolicySettings,
  type OpenCounter,
  type Estimate,
  type EstimateInput,
  type DomainEvent,
} from '../domain/index.ts';
import type { Store, TicketRecord, CounterStatus } from '../store/index.ts';
import { ticketRecord } from '../store/index.ts';
import type { Bus } from './bus.ts';
import { actorName, assertMayActAt, type Actor } from './actor.ts';

export interface IdentityParse {
  (raw: string, today: Date): { ok: true; value: { idNumber: string; fullName: string; age: number } } | { ok: false; error: { code: string; message: string } };
}

export interface QueueOptions {
  now: () => number;
  /** Key of the ID-number hash (kept in DATA_DIR, never logged). */
  secret: Buffer;
  enforceHours: boolean;
  parseIdentity: IdentityParse | null;
}

export interface IssueInput {
  serviceId: string;
  priorityCategoryId?: string | null;
  channel?: Channel;
  identityQr?: string;
  kioskId?: string;
  procedureCode?: string;
  lang?: string;
  bookedAt?: number | null;
}

export interface IssueResult {
  ticket: TicketRecord;
  /** The idempotency key had made it already. */
  replay: boolean;
}

export interface RecentCall {
  ticketId: string;
  number: string;
  serviceId: string;
  counterId: string;
  counterNumber: number;
  calledAt: number;
  recall: boolean;
}

const RECENT_CALLS = 12;
/** How long one forward run's estimates serve while nothing is written. */
const ESTIMATE_REUSE_MS = 1000;

interface EstimateCache {
  /** The write count they were made after. */
  version: number;
  input: EstimateInput;
  run?: { all: QueueEstimates; fresh: Map<string, Estimate> };
}
/** Random bytes for ticket ids, drawn from the system in blocks (one call per 256 tickets, not one each). */
const idPool = Buffer.allocUnsafe(9 * 256);
let idAt = idPool.length;
/** A ticket id: 9 random bytes, 12 URL-safe characters (the phone page's address). */
const newId = () => {
  if (idAt === idPool.length) {
    randomFillSync(idPool);
    idAt = 0;
  }
  idAt += 9;
  return idPool.toString('base64url', idAt - 9, idAt);
};

export class QueueService {
  private readonly services: Map<string, Service>;
  private readonly counters: Map<string, Counter>;
  private readonly counterState: Map<string, { status: CounterStatus; staff: string | null }>;
  private recentCalls: RecentCall[] = [];
  /** Open tickets (waiting, called, serving, parked) in memory: every write goes through this service. */
  private readonly openById = new Map<string, TicketRecord>();
  /**
   * Tickets written by the write under way; they reach `openById` only once it
   * succeeds (its savepoint released). Should the batch's commit then fail, the
   * store's rollback listener reloads `openById` from the file.
   */
  private staged: TicketRecord[] | null = null;
  /** Counts writes (and reloads): what a cached estimate was made from. */
  private version = 0;
  private readonly typicalServiceMs: Record<string, number>;
  readonly policy: PolicySettings;

  constructor(
    readonly config: CenterConfig,
    private readonly store: Store,
    private readonly bus: Bus,
    private readonly opts: QueueOptions,
  ) {
    this.services = new Map(config.services.map((s) => [s.id, s]));
    this.counters = new Map(config.counters.map((c) => [c.id, c]));
    this.counterState = new Map();
    this.reload();
    // A failed group commit undid writes this service already holds in memory: read the file again.
    store.onRollback(() => this.reload());
    this.typicalServiceMs = Object.fromEntries(config.services.map((s) => [s.id, s.avgServiceMinutes * 60_000]));
    this.policy = {
      kind: config.policy.kind,
      targetWaitMinutes: config.targets.waitMinutes,
      priorityAdvanceMinutes: config.policy.priorityAdvanceMinutes,
    };
  }

  /** Open tickets, counters and recent calls, as the file has them. */
  private reload(): void {
    this.openById.clear();
    for (const t of this.store.tickets.open()) this.openById.set(t.id, t);
    this.counterState.clear();
    for (const [id, st] of this.store.counters.all()) this.counterState.set(id, st);
    this.recentCalls = this.rebuildRecentCalls();
    this.version++;
  }

  now(): number {
    return this.opts.now();
  }

  service(id: string): Service {
    const s = this.services.get(id);
    if (!s) throw new DomainError('bad_input', 'unknown_service', `Không có lĩnh vực "${id}" / unknown service "${id}"`);
    return s;
  }

  counter(id: string): Counter {
    const c = this.counters.get(id);
    if (!c) throw notFound('quầy|counter', id);
    return c;
  }

  // ── issuing ────────────────────────────────────────────────────────────────

  /** Issue requests waiting for the end of this turn of the event loop (issueSoon). */
  private issueQueue: { input: IssueInput; key: string | null; resolve: (r: IssueResult) => void; reject: (e: unknown) => void }[] = [];

  /**
   * Issues a ticket together with the others asked for in the same turn of the
   * event loop: once the turn's requests are read, they are made one after
   * another, each in its own savepoint (a refused one fails alone), then share
   * the group commit. Made in a tight loop rather than between requests, a
   * ticket's writes find the database's pages and code still hot — the kiosk
   * route's throughput rises by about a tenth.
   */
  issueSoon(input: IssueInput, idempotencyKey: string | null): Promise<IssueResult> {
    return new Promise((resolve, reject) => {
      if (this.issueQueue.length === 0) setImmediate(() => this.issueQueued());
      this.issueQueue.push({ input, key: idempotencyKey, resolve, reject });
    });
  }

  private issueQueued(): void {
    const queue = this.issueQueue;
    this.issueQueue = [];
    // Bounded by the requests of one turn.
    for (const q of queue) {
      try {
        q.resolve(this.issue(q.input, q.key));
      } catch (e) {
        q.reject(e);
      }
    }
  }

  /** Issues a ticket; the same idempotency key always returns the same ticket. */
  issue(input: IssueInput, idempotencyKey: string | null): IssueResult {
    if (idempotencyKey) {
      const existing = this.store.idempotency.get(idempotencyKey);
      if (existing) return { ticket: this.get(existing), replay: true };
    }
    const service = this.service(input.serviceId);
    const now = this.now();
    const day = dayKey(now);
    this.assertServiceOpen(service, now, day);

    let priorityCategoryId = input.priorityCategoryId ?? null;
    if (priorityCategoryId !== null && !this.config.priorityCategories.some((p) => p.id === priorityCategoryId)) {
      throw new DomainError('bad_input', 'unknown_priority_category', `Không có đối tượng ưu tiên "${priorityCategoryId}" / unknown priority category`);
    }
    let citizen: { name: string; age: number; idHash: string; idLast4: string } | null = null;
    if (input.identityQr !== undefined && input.identityQr !== '') {
      if (!this.opts.parseIdentity) throw new DomainError('unavailable', 'no_identity_parser', 'Không đọc được CCCD / ID card reading unavailable');
      const parsed = this.opts.parseIdentity(input.identityQr, new Date(now));
      if (!parsed.ok) throw new DomainError('bad_input', `identity_${parsed.error.code}`, parsed.error.message);
      const { idNumber, fullName, age } = parsed.value;
      citizen = { name: fullName, age, idHash: this.hashId(idNumber), idLast4: idNumber.slice(-4) };
      // An elderly citizen gets priority without being asked (Law on the Elderly: from 60).
      if (priorityCategoryId === null) {
        const byAge = this.config.priorityCategories
          .filter((p) => p.minAge !== undefined && age >= p.minAge)
          .sort((a, b) => (b.minAge ?? 0) - (a.minAge ?? 0))[0];
        if (byAge) priorityCategoryId = byAge.id;
      }
    }
    if (input.procedureCode && !this.config.procedures.some((p) => p.code === input.procedureCode)) {
      throw new DomainError('bad_input', 'unknown_procedure', `Không có thủ tục "${input.procedureCode}" / unknown procedure`);
    }

    // From the key's check above to its record below nothing awaits: two requests with one key never make two tickets.
    const ticket = this.write(() => {
      let seq: number;
      let number: string;
      // A number already taken today (possible only when prefixes overlap past the padded width) is skipped.
      do {
        seq = this.store.tickets.nextSeq(day, service.id);
        number = formatTicketNumber(service.prefix, seq, this.config.ticketFormat);
      } while (this.store.tickets.numberTaken(day, number));
      const id = newId();
      const t = ticketRecord(newTicket({ id, number, day, serviceId: service.id, priorityCategoryId, channel: input.channel ?? 'kiosk', at: now, bookedAt: input.bookedAt ?? null }), {
        seq,
        kioskId: input.kioskId ?? null,
        procedureCode: input.procedureCode ?? null,
        citizenName: citizen?.name ?? null,
        citizenAge: citizen?.age ?? null,
        idHash: citizen?.idHash ?? null,
        idLast4: citizen?.idLast4 ?? null,
        printed: null,
        transferredTo: null,
        rating: null,
        lang: input.lang ?? null,
      });
      this.insertTicket(t);
      this.log(t, 'issued', null, { leg: 0, channel: t.channel, priorityCategoryId, kioskId: t.kioskId });
      if (idempotencyKey) this.store.idempotency.put(idempotencyKey, id, now);
      return t;
    });
    this.bus.announce('ticket.issued', ticket);
    return { ticket, replay: false };
  }

  private assertServiceOpen(service: Service, now: number, day: string): void {
    const hours = service.hours ?? this.config.hours;
    if (this.opts.enforceHours && !isOpen(hours, now)) {
      const at = nextOpening(hours, now);
      throw new DomainError(
        'conflict',
        'closed',
        at
          ? `Lĩnh vực ${service.name} đang ngoài giờ làm việc; mở lại lúc ${hhmmDate(at)} / ${service.nameEn ?? service.name} is closed; opens ${toIso(at)}`
          : `Lĩnh vực ${service.name} đang tạm ngừng / ${service.nameEn ?? service.name} is closed`,
      );
    }
    if (service.dailyCapacity !== undefined && this.store.tickets.issuedToday(day, service.id) >= service.dailyCapacity) {
      const at = nextOpening(hours, dayStartAfter(now));
      throw new DomainError(
        'conflict',
        'capacity_reached',
        `Lĩnh vực ${service.name} đã hết số hôm nay${at ? `; mời quay lại lúc ${hhmmDate(at)}` : ''} / ${service.nameEn ?? service.name} has given all of today's numbers`,
      );
    }
  }

  /** Whether the field takes tickets now, and when it opens if not (for the kiosk tiles). */
  serviceAvailability(service: Service): { open: boolean; opensAt: string | null } {
    const now = this.now();
    const hours = service.hours ?? this.config.hours;
    if (this.opts.enforceHours && !isOpen(hours, now)) {
      const at = nextOpening(hours, now);
      return { open: false, opensAt: at ? toIso(at) : null };
    }
    if (service.dailyCapacity !== undefined && this.store.tickets.issuedToday(dayKey(now), service.id) >= service.dailyCapacity) {
      const at = nextOpening(hours, dayStartAfter(now));
      return { open: false, opensAt: at ? toIso(at) : null };
    }
    return { open: true, opensAt: null };
  }

  private hashId(idNumber: string): string {
    return createHmac('sha256', this.opts.secret).update(idNumber).digest('hex');
  }

  // ── reading ────────────────────────────────────────────────────────────────

  get(id: string): TicketRecord {
    const t = this.store.tickets.get(id);
    if (!t) throw notFound('phiếu|ticket', id);
    return t;
  }

  /** Today's ticket with this number (its latest transaction). */
  byNumber(number: string): TicketRecord {
    const t = this.store.tickets.byNumber(dayKey(this.now()), number);
    if (!t) throw notFound('phiếu số|ticket number', number);
    return t;
  }

  openTickets(): TicketRecord[] {
    return [...this.openById.values()];
  }

  counterStatus(counterId: string): CounterStatus {
    return this.counterState.get(counterId)?.status ?? 'open';
  }

  counterStaff(counterId: string): string | null {
    return this.counterState.get(counterId)?.staff ?? null;
  }

  current(counterId: string): TicketRecord | null {
    return this.store.tickets.currentAt(counterId);
  }

  /** Expected service time per field: the mean of today's recent ones, or the configured typical time. */
  serviceTimes(): Record<string, number> {
    // Read at most every few seconds: a burst of issues needs no fresher average.
    const now = this.now();
    if (!this.serviceMsCache || now - this.serviceMsCache.at > 5000 || now < this.serviceMsCache.at) {
      this.serviceMsCache = { at: now, ms: expectedServiceMs(this.store.tickets.recentServiceTimes(dayKey(now)), this.typicalServiceMs) };
    }
    return this.serviceMsCache.ms;
  }

  private serviceMsCache: { at: number; ms: Record<string, number> } | null = null;

  private openCounters(atCounter: Map<string, TicketRecord>, serviceMs: Record<string, number>, now: number): OpenCounter[] {
    return this.config.counters
      .filter((c) => this.counterStatus(c.id) === 'open')
      .map((c) => {
        const cur = atCounter.get(c.id);
        const freeAt = cur ? (cur.waitEndAt ?? now) + (serviceMs[cur.serviceId] ?? 600_000) : now;
        return { id: c.id, serviceIds: c.serviceIds, priority: c.priority, weights: c.weights, freeAt };
      });
  }

  /** What a forward estimate runs on: the waiting tickets, the open counters and the expected service times now. */
  private estimateInput(now: number): EstimateInput {
    // One pass over the open tickets: this runs after every burst of writes.
    const waiting: TicketRecord[] = [];
    const atCounter = new Map<string, TicketRecord>();
    for (const t of this.openById.values()) {
      if (t.status === 'waiting') waiting.push(t);
      else if ((t.status === 'called' || t.status === 'serving') && t.counterId !== null) atCounter.set(t.counterId, t);
    }
    const serviceMs = this.serviceTimes();
    return { waiting, counters: this.openCounters(atCounter, serviceMs, now), serviceMs, policy: this.policy, now };
  }

  /**
   * The estimates of the queue as it stands, shared by everyone who asks before
   * the next write (and within ESTIMATE_REUSE_MS): a burst of tickets committed
   * together, and the board and phones that follow, cost one forward run.
   */
  private estimates(): EstimateCache {
    const now = this.now();
    const c = this.estimateCache;
    if (c && c.version === this.version && now >= c.input.now && now - c.input.now < ESTIMATE_REUSE_MS) return c;
    return (this.estimateCache = { version: this.version, input: this.estimateInput(now) });
  }

  private estimateCache: EstimateCache | null = null;

  /** Every waiting ticket's estimate, and a new ticket's in each field: one forward run for both. */
  private run(c: EstimateCache): NonNullable<EstimateCache['run']> {
    if (c.run) return c.run;
    const probes = this.config.services.map((s) => ({
      id: `\u0000new:${s.id}`, number: '', serviceId: s.id, status: 'waiting' as const, priorityCategoryId: null,
      enqueuedAt: c.input.now, arrivedAt: c.input.now, priorWaitMs: 0, bookedAt: null,
    }));
    const r = estimateQueue(c.input, probes);
    const fresh = new Map(probes.map((p) => [p.serviceId, r.probes.get(p.id)!]));
    return (c.run = { all: r, fresh });
  }

  /** The estimate for a ticket taken now, per field. */
  newTicketEstimates(): Map<string, Estimate> {
    return this.run(this.estimates()).fresh;
  }

  estimateOf(t: TicketRecord): Estimate {
    if (t.status !== 'waiting') return { peopleAhead: 0, estimatedWaitMinutes: t.status === 'parked' ? null : 0 };
    // A ticket not (yet) among the open ones, e.g. read back from the file: its own forward run.
    return this.run(this.estimates()).all.of(t) ?? estimateFor(t, this.estimates().input);
  }

  queueSummary(newTicket: Map<string, Estimate> = this.newTicketEstimates()): { serviceId: string; waiting: number; oldestWaitSeconds: number; estimatedWaitMinutes: number | null }[] {
    const now = this.now();
    const per = new Map(this.config.services.map((s) => [s.id, { n: 0, oldest: 0 }]));
    for (const t of this.openById.values()) {
      const f = t.status === 'waiting' ? per.get(t.serviceId) : undefined;
      if (!f) continue;
      f.n++;
      f.oldest = Math.max(f.oldest, now - (t.enqueuedAt - t.priorWaitMs));
    }
    return this.config.services.map((s) => {
      const f = per.get(s.id)!;
      return { serviceId: s.id, waiting: f.n, oldestWaitSeconds: Math.round(f.oldest / 1000), estimatedWaitMinutes: newTicket.get(s.id)?.estimatedWaitMinutes ?? null };
    });
  }



  /** The waiting tickets a counter may call, in the order the policy would call them. */
  queueFor(counterId: string): TicketRecord[] {
    const c = this.counter(counterId);
    return orderForCounter(this.openTickets(), c, this.policy, this.now());
  }

  parkedFor(counterId: string): TicketRecord[] {
    return this.openTickets().filter((t) => t.status === 'parked' && t.counterId === counterId);
  }

  calls(): RecentCall[] {
    return this.recentCalls;
  }

  private rebuildRecentCalls(): RecentCall[] {
    return this.openTickets()
      .filter((t) => (t.status === 'called' || t.status === 'serving') && t.counterId && t.calledAt)
      .sort((a, b) => b.calledAt! - a.calledAt!)
      .slice(0, RECENT_CALLS)
      .map((t) => this.toCall(t, t.callCount > 1));
  }

  private toCall(t: TicketRecord, recall: boolean): RecentCall {
    return {
      ticketId: t.id,
      number: t.number,
      serviceId: t.serviceId,
      counterId: t.counterId!,
      counterNumber: this.counters.get(t.counterId!)?.number ?? 0,
      calledAt: t.calledAt!,
      recall,
    };
  }

  announcement(call: RecentCall): string {
    return this.config.voice.template.replaceAll('{number}', call.number).replaceAll('{counter}', String(call.counterNumber));
  }

  // ── counter actions ───────────────────────────────────────────────────────

  /** Calls the next ticket at a counter, finishing the one it was serving. Null when nobody waits. */
  callNext(counterId: string, actor: Actor): TicketRecord | null {
    const counter = this.counter(counterId);
    assertMayActAt(actor, counterId);
    this.assertCounterOpen(counterId);
    const now = this.now();
    const result = this.write(() => {
      const cur = this.store.tickets.currentAt(counterId);
      const finished = cur ? this.apply(cur, 'finish', { now, counterId, staff: actorName(actor) }) : null;
      const next = orderForCounter(this.openTickets(), counter, this.policy, now)[0];
      const called = next ? this.apply(next, 'call', { now, counterId, staff: actorName(actor) }) : null;
      return { finished, called };
    });
    if (result.finished) this.bus.announce('ticket.updated', result.finished);
    if (result.called) this.announce(result.called, false);
    return result.called;
  }

  /** Calls a given waiting or parked ticket to the actor's counter. */
  callTicket(ticketId: string, counterId: string, actor: Actor): TicketRecord {
    const counter = this.counter(counterId);
    assertMayActAt(actor, counterId);
    this.assertCounterOpen(counterId);
    const t = this.get(ticketId);
    if (!counter.serviceIds.includes(t.serviceId) && t.status === 'waiting') {
      throw new DomainError('conflict', 'not_served_here', `Quầy ${counter.number} không nhận lĩnh vực này / counter ${counter.number} does not serve this field`);
    }
    if (t.status === 'parked' && t.counterId !== counterId) assertMayActAt(actor, t.counterId ?? '');
    const now = this.now();
    const called = this.write(() => {
      const cur = this.store.tickets.currentAt(counterId);
      if (cur) {
        throw new DomainError('conflict', 'counter_busy', `Quầy đang phục vụ số ${cur.number}; hãy kết thúc trước / the counter is serving ${cur.number}; finish it first`);
      }
      return this.apply(this.get(ticketId), 'call', { now, counterId, staff: actorName(actor) });
    });
    this.announce(called, false);
    return called;
  }

  /** recall, start, finish, no-show, cancel, park on a ticket. */
  act(ticketId: string, action: Exclude<Action, 'call' | 'transfer'>, actor: Actor): TicketRecord {
    const t = this.get(ticketId);
    this.assertMayTouch(t, actor);
    if (action === 'recall' && t.callCount > this.config.policy.maxRecalls) {
      throw new DomainError(
        'conflict',
        'too_many_recalls',
        `Đã gọi số ${t.number} ${t.callCount} lần; hãy đánh dấu vắng mặt / ticket ${t.number} was called ${t.callCount} times; mark it no-show`,
      );
    }
    const now = this.now();
    const updated = this.write(() => this.apply(this.get(ticketId), action, { now, counterId: t.counterId, staff: actorName(actor) }));
    if (action === 'recall') this.announce(updated, true);
    else this.bus.announce('ticket.updated', updated);
    return updated;
  }

  /** The counter's current ticket, for keypads that know no ticket id. */
  currentOrFail(counterId: string): TicketRecord {
    this.counter(counterId);
    const cur = this.store.tickets.currentAt(counterId);
    if (!cur) throw new DomainError('conflict', 'no_current_ticket', 'Quầy chưa gọi số nào / no ticket is being served at this counter');
    return cur;
  }

  transfer(ticketId: string, toServiceId: string, actor: Actor): TicketRecord {
    const t = this.get(ticketId);
    this.service(toServiceId);
    this.assertMayTouch(t, actor);
    const now = this.now();
    const { closed, opened } = this.write(() => {
      const fresh = this.get(ticketId);
      const r = transferTicket(fresh, toServiceId, newId(), { now, counterId: fresh.counterId, staff: actorName(actor) });
      const closedRec = ticketRecord(fresh, { ...r.closed, transferredTo: r.opened.id });
      const openedRec = ticketRecord(fresh, { ...r.opened, transferredTo: null, rating: null, printed: fresh.printed });
      this.saveTicket(closedRec);
      this.log(closedRec, 'transferred', actor, { toTicketId: openedRec.id, toServiceId });
      this.insertTicket(openedRec);
      this.log(openedRec, 'issued', null, { leg: openedRec.leg, fromTicketId: closedRec.id });
      return { closed: closedRec, opened: openedRec };
    });
    this.bus.announce('ticket.updated', closed);
    this.bus.announce('ticket.issued', opened);
    return opened;
  }

  setCounterStatus(counterId: string, status: CounterStatus, actor: Actor): void {
    this.counter(counterId);
    assertMayActAt(actor, counterId);
    const staff = status === 'closed' ? null : actor.kind === 'user' ? actor.username : this.counterStaff(counterId);
    this.write(() => {
      this.store.counters.set(counterId, status, staff, this.now());
      this.store.audit.append(actorName(actor) ?? 'unknown', `counter.${status}`, counterId, {}, this.now());
      this.counterState.set(counterId, { status, staff });
    });
    this.bus.announce('counter.updated', counterId);
  }

  /** Records who sits at a counter (on staff sign-in). */
  signIn(counterId: string, username: string): void {
    const status = this.counterStatus(counterId) === 'closed' ? 'open' : this.counterStatus(counterId);
    this.write(() => {
      this.store.counters.set(counterId, status, username, this.now());
      this.counterState.set(counterId, { status, staff: username });
    });
    this.bus.announce('counter.updated', counterId);
  }

  // ── rating and printing ───────────────────────────────────────────────────

  rate(ticketId: string, score: number): TicketRecord {
    let t = this.get(ticketId);
    // Follow a transferred visit to its last transaction.
    for (let hops = 0; t.transferredTo && hops < 20; hops++) t = this.get(t.transferredTo);
    if (t.status !== 'done') {
      throw new DomainError('conflict', 'not_served', `Phiếu số ${t.number} chưa được phục vụ xong nên chưa đánh giá được / ticket ${t.number} has not been served yet`);
    }
    const target = t;
    return this.write(() => {
      const fresh = this.get(target.id);
      if (fresh.rating !== null) {
        throw new DomainError('conflict', 'already_rated', `Phiếu số ${fresh.number} đã được đánh giá / ticket ${fresh.number} was already rated`);
      }
      const rated = ticketRecord(fresh, { rating: score });
      this.saveTicket(rated);
      this.log(rated, 'rated', null, { score });
      return rated;
    });
  }

  /** A rating keypad's press: rates the last ticket finished at the counter. */
  rateAtCounter(counterId: string, score: number, actor: Actor): TicketRecord {
    this.counter(counterId);
    assertMayActAt(actor, counterId);
    const last = this.store.tickets.lastFinishedAt(counterId);
    if (!last) throw new DomainError('conflict', 'nothing_to_rate', 'Quầy chưa phục vụ xong phiếu nào / no finished ticket to rate at this counter');
    return this.rate(last.id, score);
  }

  recordPrint(ticketId: string, printed: boolean, reason: string | null, actor: Actor): TicketRecord {
    const updated = this.write(() => {
      const fresh = ticketRecord(this.get(ticketId), { printed });
      this.saveTicket(fresh);
      this.log(fresh, 'print_result', actor, { printed, reason });
      return fresh;
    });
    this.bus.announce('ticket.updated', updated);
    return updated;
  }

  // ── internals ─────────────────────────────────────────────────────────────

  /** One all-or-nothing write (a savepoint of the group commit); the open-ticket cache follows only if it succeeds. */
  private write<T>(fn: () => T): T {
    const outer = this.staged === null;
    if (outer) this.staged = [];
    try {
      const result = this.store.tx(fn);
      if (outer) for (const t of this.staged!) this.track(t);
      this.version++;
      return result;
    } finally {
      if (outer) this.staged = null;
    }
  }

  private insertTicket(t: TicketRecord): void {
    this.store.tickets.insert(t);
    this.staged?.push(t);
  }

  private saveTicket(t: TicketRecord): void {
    this.store.tickets.update(t);
    this.staged?.push(t);
  }

  private track(t: TicketRecord): void {
    if (isOpenStatus(t.status)) this.openById.set(t.id, t);
    else this.openById.delete(t.id);
  }

  private assertCounterOpen(counterId: string): void {
    const status = this.counterStatus(counterId);
    if (status !== 'open') {
      throw new DomainError(
        'conflict',
        `counter_${status}`,
        status === 'paused' ? 'Quầy đang tạm nghỉ; hãy mở lại trước / the counter is paused; resume it first' : 'Quầy đã đóng; hãy mở quầy trước / the counter is closed; open it first',
      );
    }
  }

  private assertMayTouch(t: TicketRecord, actor: Actor): void {
    if (t.counterId) {
      assertMayActAt(actor, t.counterId);
      return;
    }
    // A waiting ticket: staff of any counter that serves its field.
    if (actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin')) return;
    const c = actor.kind === 'public' ? null : actor.counterId;
    if (c && this.counters.get(c)?.serviceIds.includes(t.serviceId)) return;
    throw new DomainError('forbidden', 'wrong_counter', 'Phiếu này không thuộc quầy của bạn / this ticket is not at your counter');
  }

  private apply(t: TicketRecord, action: Exclude<Action, 'transfer'>, ctx: { now: number; counterId: string | null; staff: string | null }): TicketRecord {
    const next = ticketRecord(t, transition(t, action, ctx));
    this.saveTicket(next);
    this.store.events.append(eventOfAction(action, t, next, ctx.now, ctx.staff));
    return next;
  }

  private log(t: TicketRecord, type: DomainEvent['type'], actor: Actor | null, data: Record<string, unknown>): void {
    this.store.events.append({
      at: this.now(),
      type,
      ticketId: t.id,
      visitId: t.visitId,
      serviceId: t.serviceId,
      counterId: t.counterId,
      actor: actor ? actorName(actor) : null,
      data,
    });
  }

  private announce(t: TicketRecord, recall: boolean): void {
    const call = this.toCall(t, recall);
    this.recentCalls = [call, ...this.recentCalls.filter((c) => c.ticketId !== t.id)].slice(0, RECENT_CALLS);
    this.bus.announce('ticket.called', { ticket: t, recall });
  }
}

function dayStartAfter(ms: number): number {
  const d = dayKey(ms);
  return Date.parse(`${d}T23:59:59.999+07:00`);
}

function hhmmDate(ms: number): string {
  const iso = toIso(ms);
  return `${iso.slice(11, 16)} ngày ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
