// Taking a number: idempotency, opening hours and daily capacity, the CCCD
// (its number kept only as a keyed hash) and the priority of age.
import { createHmac } from 'node:crypto';
import type { CenterConfig, Service } from '@mot-cua/config';
import { DomainError, dayKey, formatTicketNumber, newTicket, type Channel } from '../domain/index.ts';
import { ticketRecord, type TicketRecord } from '../store/index.ts';
import type { Bus } from './bus.ts';
import type { Centre } from './centre.ts';
import type { EventLog } from './event-log.ts';
import type { OpenTickets } from './open-tickets.ts';
import { availability, type Availability } from './service-hours.ts';
import { newTicketId } from './ticket-id.ts';
import { fail } from '../domain/messages.ts';
import { DOSSIER_CODE, normaliseDossierCode } from '../domain/outcome.ts';
import { DEFAULT_ISSUE_LIMITS, IssueLimiter, type IssueLimits } from './issue-limit.ts';
import { preparationFor, type PreparationInput } from './preparation.service.ts';
import { PhoneLimit } from './phone-limit.ts';

export interface IdentityParse {
  (raw: string, today: Date): { ok: true; value: { idNumber: string; fullName: string; age: number } } | { ok: false; error: { code: string; message: string } };
}

export interface IssueOptions {
  /** Key of the ID-number hash (kept in DATA_DIR, never logged). */
  secret: Buffer;
  enforceHours: boolean;
  parseIdentity: IdentityParse | null;
  /** Tickets one source address may take without credentials (issue-limit.ts); default DEFAULT_ISSUE_LIMITS. */
  limits?: IssueLimits;
  /** The dossier look-up (dossier.service.ts), for a result pickup's ticket: it refuses a malformed or unknown code. */
  dossiers?: { status(code: string): Promise<{ code: string; status: string }> } | null;
}

export interface IssueInput extends PreparationInput {
  serviceId: string;
  priorityCategoryId?: string | null;
  channel?: Channel;
  identityQr?: string;
  kioskId?: string;
  procedureCode?: string;
  /** A result pickup (issue 16.3): the ready dossier's code, in the centre's returns lane only. */
  dossierCode?: string;
  lang?: string;
  bookedAt?: number | null;
  /** The source address of a request without credentials: its tickets count against the address's limits. */
  source?: string | null;
  /** A number from the phone: the holder's phone number, for its limits (phone-limit.ts); kept as a hash for the day only. */
  phone?: string;
  /**
   * A `mobile` number whose holder counts as in the hall from the start: a request without credentials
   * that named no channel (the clients before issue 17.1). Only a number asked for as `mobile` waits for a check-in.
   */
  present?: boolean;
}

export interface IssueResult {
  ticket: TicketRecord;
  /** The idempotency key had made it already. */
  replay: boolean;
}

interface Citizen {
  name: string;
  age: number;
  idHash: string;
  idLast4: string;
}

/** Whether the ticket asked for waits for its holder's check-in. */
const awaitsCheckIn = (input: IssueInput) => input.channel === 'mobile' && input.present !== true;

export class IssueService {
  /** Issue requests waiting for the end of this turn of the event loop (issueSoon). */
  private queued: { input: IssueInput; key: string | null; resolve: (r: IssueResult) => void; reject: (e: unknown) => void }[] = [];
  private readonly limiter: IssueLimiter;
  private readonly phones: PhoneLimit;

  constructor(
    private readonly centre: Centre,
    private readonly open: OpenTickets,
    private readonly log: EventLog,
    private readonly bus: Bus,
    private readonly opts: IssueOptions,
  ) {
    this.limiter = new IssueLimiter(opts.limits ?? DEFAULT_ISSUE_LIMITS, () => this.centre.now());
    this.phones = new PhoneLimit(opts.secret, () => this.centre.now(), (id) => this.open.known(id));
  }

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
      if (this.queued.length === 0) setImmediate(() => this.issueQueued());
      this.queued.push({ input, key: idempotencyKey, resolve, reject });
    });
  }

  private issueQueued(): void {
    const queue = this.queued;
    this.queued = [];
    // Bounded by the requests of one turn. Each issue decides and records its writes before its first await.
    for (const q of queue) this.issue(q.input, q.key).then(q.resolve, q.reject);
  }

  /** Whether the field takes tickets now, and when it opens if not (for the kiosk tiles). */
  availability(service: Service): { open: boolean; opensAt: string | null } {
    const a = this.check(service, this.centre.now());
    return { open: a.open, opensAt: a.open ? null : a.opensAtIso };
  }

  /** Issues a ticket; the same idempotency key always returns the same ticket. */
  async issue(input: IssueInput, idempotencyKey: string | null, bookingCode?: string): Promise<IssueResult> {
    if (idempotencyKey) {
      const existing = this.open.keyTicketId(idempotencyKey);
      if (existing) return { ticket: await this.open.get(existing), replay: true };
    }
    const service = this.centre.service(input.serviceId);
    // Only a pickup awaits here (its dossier look-up): every other ticket decides and writes before its first await.
    const dossierCode = service.returns || input.dossierCode !== undefined ? await this.pickupDossier(service, input.dossierCode) : null;
    // The look-up awaited: a request with the same key may have made the ticket meanwhile.
    if (dossierCode !== null && idempotencyKey) {
      const existing = this.open.keyTicketId(idempotencyKey);
      if (existing) return { ticket: await this.open.get(existing), replay: true };
    }
    const now = this.centre.now();
    const day = dayKey(now);
    const a = this.check(service, now);
    if (!a.open) throw new DomainError('conflict', a.code, a.message);
    // A field whose procedures need the citizen in person takes no number from a phone (issue 17.1).
    if (input.channel === 'mobile' && service.remoteQueue === false) throw fail('in_person_only', { name: service.name, nameEn: service.nameEn ?? service.name });

    const config = this.centre.config;
    let priorityCategoryId = input.priorityCategoryId ?? null;
    if (priorityCategoryId !== null && !config.priorityCategories.some((p) => p.id === priorityCategoryId)) {
      throw fail('unknown_priority_category', { id: priorityCategoryId });
    }
    const citizen = input.identityQr !== undefined && input.identityQr !== '' ? this.readIdentity(input.identityQr, now) : null;
    // An elderly citizen gets priority without being asked (Law on the Elderly: from 60).
    if (citizen && priorityCategoryId === null) priorityCategoryId = this.priorityByAge(citizen.age);
    if (input.procedureCode && !config.procedures.some((p) => p.code === input.procedureCode)) {
      throw fail('unknown_procedure', { code: input.procedureCode });
    }
    const prep = preparationFor(config, input, '', now);
    if (input.phone !== undefined && input.channel !== 'mobile') throw fail('phone_not_expected');
    const phoneKey = input.phone !== undefined ? this.phones.check(input.phone, service) : null;
    // Counted once the request is valid and the field open, so a refusal costs the citizen nothing; a replay (above) is free.
    if (input.source !== undefined && input.source !== null) {
      const v = this.limiter.take(input.source);
      if (!v.ok) {
        const limits = this.opts.limits ?? DEFAULT_ISSUE_LIMITS;
        throw v.reason === 'day' ? fail('too_many_tickets:day', { count: limits.perDay }) : fail('too_many_tickets', { minutes: Math.ceil(v.retryAfterSeconds / 60) });
      }
    }

    // From the key's check above to its record below nothing awaits: two requests with one key never make two tickets.
    const ticket = await this.open.write((w) => {
      const { seq, number } = this.open.nextNumber(service.id, (n) => formatTicketNumber(service.prefix, n, config.ticketFormat));
      const id = newTicketId();
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
        dossierCode,
        // A number from the phone waits for its holder to arrive (check-in.service.ts); any other is here.
        checkedInAt: awaitsCheckIn(input) ? null : now,
      });
      w.insertTicket(t);
      if (phoneKey !== null) this.phones.keep(phoneKey, t);
      // the declaration is personal: its own purgeable table, never the event below
      if (prep) w.preparation({ ...prep, visitId: t.visitId });
      w.sequence(day, service.id, seq);
      this.log.record(w, t, 'issued', null, { leg: 0, channel: t.channel, priorityCategoryId, kioskId: t.kioskId, procedureCode: t.procedureCode, ...(dossierCode ? { dossierCode } : {}) });
      if (idempotencyKey) w.idempotencyKey(idempotencyKey, id, now);
      if (bookingCode) w.bookingCheckIn(bookingCode, id);
      return t;
    });
    this.bus.announce('ticket.issued', ticket);
    return { ticket, replay: false };
  }

  /**
   * A ticket of the returns lane needs a dossier whose result is ready (its code normalised, looked
   * up through the dossier source); any other field takes no dossier code. The code, or null.
   */
  private async pickupDossier(service: Service, raw: string | undefined): Promise<string | null> {
    if (!service.returns) {
      if (raw !== undefined) throw fail('dossier_code_not_expected:issue');
      return null;
    }
    if (raw === undefined || raw.trim() === '') throw fail('dossier_code_required');
    const code = normaliseDossierCode(raw);
    if (!DOSSIER_CODE.test(code)) throw fail('bad_dossier_code');
    if (!this.opts.dossiers) throw fail('dossier_source_unavailable');
    const d = await this.opts.dossiers.status(code);
    if (d.status !== 'ready') throw fail('dossier_not_ready', { code });
    return code;
  }

  /** The field's hours and today's capacity, as one verdict. */
  private check(service: Service, now: number): Availability {
    return availability(service, this.centre.config.hours, now, {
      enforceHours: this.opts.enforceHours,
      issuedToday: () => this.open.issuedToday(service.id),
    });
  }

  private readIdentity(raw: string, now: number): Citizen {
    if (!this.opts.parseIdentity) throw fail('no_identity_parser');
    const parsed = this.opts.parseIdentity(raw, new Date(now));
    if (!parsed.ok) throw new DomainError('bad_input', `identity_${parsed.error.code}`, parsed.error.message);
    const { idNumber, fullName, age } = parsed.value;
    return { name: fullName, age, idHash: createHmac('sha256', this.opts.secret).update(idNumber).digest('hex'), idLast4: idNumber.slice(-4) };
  }

  /** The category of the highest age threshold the citizen has reached, if any. */
  private priorityByAge(age: number): string | null {
    const byAge = this.centre.config.priorityCategories
      .filter((p) => p.minAge !== undefined && age >= p.minAge)
      .sort((a, b) => (b.minAge ?? 0) - (a.minAge ?? 0))[0];
    return byAge?.id ?? null;
  }
}

/**
 * How a ticket's priority group was established, for the official to check:
 * `scan` — a scanned CCCD shows the category's age; `staff` — an official
 * issued it at the counter; `self` — the citizen only claimed it (a tap on the
 * kiosk or a phone); null — no priority.
 */
export type PriorityProof = 'scan' | 'staff' | 'self';

export function priorityProof(config: CenterConfig, t: Pick<TicketRecord, 'priorityCategoryId' | 'citizenAge' | 'channel'>): PriorityProof | null {
  if (t.priorityCategoryId === null) return null;
  const category = config.priorityCategories.find((p) => p.id === t.priorityCategoryId);
  if (category?.minAge !== undefined && t.citizenAge !== null && t.citizenAge >= category.minAge) return 'scan';
  return t.channel === 'counter' ? 'staff' : 'self';
}
