// A number from the phone may carry the holder's phone number (issue 17.1): at most one open
// number per phone number and field, and a few a day per phone number. The number is personal:
// it is kept only as a keyed hash, in memory, for the day (forgotten at midnight and on a
// restart); it goes to no ticket, event, log, public view or export.
import { createHmac } from 'node:crypto';
import { dayKey, isOpenStatus } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';
import type { TicketRecord } from '../store/index.ts';

/** Numbers one phone number may take in a day, over all fields. */
export const PHONE_TICKETS_PER_DAY = 4;

/** A Vietnamese mobile number as typed (spaces, dots, dashes, +84 or 84 allowed) → its 10 digits from 0, or null. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : /^84\d{9}$/.test(digits) ? `0${digits.slice(2)}` : digits;
  return /^0[35789]\d{8}$/.test(local) ? local : null;
}

interface PhoneDay {
  count: number;
  /** The ticket it holds per field. */
  open: Map<string, string>;
}

export class PhoneLimit {
  private day = '';
  private readonly phones = new Map<string, PhoneDay>();

  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number,
    private readonly known: (ticketId: string) => TicketRecord | undefined,
    private readonly perDay = PHONE_TICKETS_PER_DAY,
  ) {}

  private today(): Map<string, PhoneDay> {
    const day = dayKey(this.now());
    if (day !== this.day) {
      this.day = day;
      this.phones.clear();
    }
    return this.phones;
  }

  /**
   * Whether `raw` may take a number for `service` now: its key (to `keep` once the ticket is made),
   * or a refusal — malformed, an open number of the field already held, the day's count reached.
   */
  check(raw: string, service: { id: string; name: string; nameEn?: string }): string {
    const phone = normalisePhone(raw);
    if (phone === null) throw fail('bad_phone');
    const key = createHmac('sha256', this.secret).update(`phone\0${phone}`).digest('base64url');
    const held = this.today().get(key);
    const heldId = held?.open.get(service.id);
    const t = heldId !== undefined ? this.known(heldId) : undefined;
    if (t && isOpenStatus(t.status)) throw fail('remote_phone_taken', { number: t.number, name: service.name, nameEn: service.nameEn ?? service.name });
    if (held && held.count >= this.perDay) throw fail('too_many_tickets:phone', { count: this.perDay });
    return key;
  }

  /** The ticket `key` (from check) now holds for its field. */
  keep(key: string, t: Pick<TicketRecord, 'id' | 'serviceId'>): void {
    const phones = this.today();
    const held = phones.get(key) ?? { count: 0, open: new Map<string, string>() };
    held.count++;
    held.open.set(t.serviceId, t.id);
    phones.set(key, held);
  }
}
