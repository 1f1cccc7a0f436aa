import { describe, expect, it } from 'vitest';
import { normalisePhone, PhoneLimit } from './phone-limit.ts';
import type { TicketRecord } from '../store/index.ts';

const field = { id: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' };

describe('phone numbers of numbers from the phone (issue 17.1)', () => {
  it('normalises a Vietnamese mobile number as people type it, and refuses anything else', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    for (const bad of ['091234567', '09123456789', '0112345678', 'abc', '']) expect(normalisePhone(bad)).toBeNull();
  });

  it('one open number per phone number and field, any number once it is closed, a few a day, all forgotten at midnight', () => {
    let now = Date.parse('2026-11-24T09:00:00+07:00');
    const tickets = new Map<string, Pick<TicketRecord, 'status' | 'number'>>();
    const limit = new PhoneLimit(Buffer.alloc(32, 1), () => now, (id) => tickets.get(id) as TicketRecord | undefined, 3);
    const take = (raw: string, id: string, f = field) => {
      const key = limit.check(raw, f);
      limit.keep(key, { id, serviceId: f.id });
      tickets.set(id, { status: 'waiting', number: id });
      return key;
    };
    const key = take('0912345678', '1001');
    expect(key).not.toContain('912345678');
    expect(() => limit.check('+84912345678', field)).toThrow(expect.objectContaining({ kind: 'conflict', code: 'remote_phone_taken', message: expect.stringContaining('đã có số 1001 đang chờ ở lĩnh vực Hộ tịch') }));
    take('0912345678', '2001', { id: 'chung-thuc', name: 'Chứng thực', nameEn: 'Certification' });
    take('0987654321', '1002');
    tickets.set('1001', { status: 'done', number: '1001' });
    take('0912345678', '1003');
    tickets.set('1003', { status: 'no_show', number: '1003' });
    expect(() => limit.check('0912345678', field)).toThrow(expect.objectContaining({ kind: 'too_many', code: 'too_many_tickets' }));
    expect(() => limit.check('12345', field)).toThrow(expect.objectContaining({ kind: 'bad_input', code: 'bad_phone' }));
    now += 86_400_000;
    expect(() => limit.check('0912345678', field)).not.toThrow();
  });
});
