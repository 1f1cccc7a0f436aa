import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAgentMessage, parseKioskMessage } from './agent-protocol.ts';

const ticket = {
  id: 't1',
  number: 'A1001',
  centerName: 'Trung tâm',
  serviceName: 'Hộ tịch',
  priorityName: null,
  peopleAhead: 0,
  estimatedWaitMinutes: 4.5,
  issuedAt: '2026-11-22T09:00:00+07:00',
  statusUrl: 'http://127.0.0.1:8080/t/t1',
};

describe('parseKioskMessage (the agent reads the kiosk)', () => {
  it('accepts a ticket without an estimate (the server has none when no counter is open)', () => {
    expect(parseKioskMessage({ type: 'print', requestId: 'r', ticket: { ...ticket, estimatedWaitMinutes: null } })).toMatchObject({ ticket: { estimatedWaitMinutes: null } });
  });
  it('accepts the two kiosk messages', () => {
    expect(parseKioskMessage({ type: 'status' })).toEqual({ type: 'status' });
    expect(parseKioskMessage({ type: 'print', requestId: 'r', ticket })).toEqual({ type: 'print', requestId: 'r', ticket });
    expect(parseKioskMessage({ type: 'print', requestId: 'r', ticket: { ...ticket, note: 'Ghi chú', extra: 1 } })).toEqual({
      type: 'print',
      requestId: 'r',
      ticket: { ...ticket, note: 'Ghi chú' },
    });
  });

  it.each([
    ['no type', { requestId: 'r', ticket }],
    ['unknown type', { type: 'scan' }],
    ['no requestId', { type: 'print', ticket }],
    ['no ticket', { type: 'print', requestId: 'r' }],
    ['negative people ahead', { type: 'print', requestId: 'r', ticket: { ...ticket, peopleAhead: -1 } }],
    ['fractional people ahead', { type: 'print', requestId: 'r', ticket: { ...ticket, peopleAhead: 1.5 } }],
    ['missing status URL', { type: 'print', requestId: 'r', ticket: { ...ticket, statusUrl: '' } }],
    ['priority not a string', { type: 'print', requestId: 'r', ticket: { ...ticket, priorityName: 3 } }],
    ['an array', [1, 2]],
    ['null', null],
  ])('rejects %s', (_label, m) => expect(parseKioskMessage(m)).toBe(null));

  it('never throws on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(() => parseKioskMessage(v)).not.toThrow();
    }));
  });

  const booking = { code: 'XH6F88', centerName: 'Bộ phận Một cửa', serviceName: 'Đất đai', date: '03/12/2026', time: '08:30', qr: 'Lịch hẹn XH6F88 — Đất đai — 08:30 ngày 03/12/2026' };
  it('accepts a booking slip, and nothing it does not print', () => {
    expect(parseKioskMessage({ type: 'print.booking', requestId: 'b', booking: { ...booking, fullName: 'Đỗ Thị Hương', phone: '0987654321' } })).toEqual({ type: 'print.booking', requestId: 'b', booking });
  });
  it.each([
    ['an ISO date', { ...booking, date: '2026-12-03' }],
    ['a time with seconds', { ...booking, time: '08:30:00' }],
    ['no code', { ...booking, code: '' }],
    ['no QR', { ...booking, qr: '' }],
    ['a long QR', { ...booking, qr: 'x'.repeat(501) }],
  ])('rejects a booking slip with %s', (_label, b) => expect(parseKioskMessage({ type: 'print.booking', requestId: 'b', booking: b })).toBe(null));
});

describe('parseAgentMessage (the kiosk reads the agent)', () => {
  it('accepts the message kinds of the agent', () => {
    expect(parseAgentMessage('{"type":"print.result","requestId":"r1","ok":true}')).toMatchObject({ type: 'print.result', ok: true });
    expect(parseAgentMessage('{"type":"scan","source":"qr","raw":"x","cccd":null,"error":null}')?.type).toBe('scan');
    expect(parseAgentMessage('{"type":"status","parts":[]}')?.type).toBe('status');
    expect(parseAgentMessage('{"type":"error","error":{"code":"bad_message","message":"x"}}')?.type).toBe('error');
  });
  it('ignores anything else without throwing', () => {
    expect(parseAgentMessage('not json')).toBeNull();
    expect(parseAgentMessage('{"type":"hello"}')).toBeNull();
    expect(parseAgentMessage('null')).toBeNull();
    expect(parseAgentMessage(new ArrayBuffer(2))).toBeNull();
  });
});

describe('chip.key (the access key typed from the card)', () => {
  const key = { documentNumber: '050012345', dateOfBirth: '560305', dateOfExpiry: '310305' };
  it('accepts the three fields and keeps nothing else', () => {
    expect(parseKioskMessage({ type: 'chip.key', ...key, name: 'x' })).toEqual({ type: 'chip.key', ...key });
    expect(parseKioskMessage({ type: 'chip.key', ...key, dateOfBirth: '000229' })).toMatchObject({ dateOfBirth: '000229' });
  });
  it.each([
    ['a document number with a space', { ...key, documentNumber: '05001 345' }],
    ['a document number too long', { ...key, documentNumber: '0010500123' }],
    ['an empty document number', { ...key, documentNumber: '' }],
    ['a month 13', { ...key, dateOfBirth: '561305' }],
    ['a 31 April', { ...key, dateOfExpiry: '310431' }],
    ['a 30 February', { ...key, dateOfBirth: '560230' }],
    ['a date as dd/mm/yyyy', { ...key, dateOfBirth: '05/03/1956' }],
    ['a missing expiry', { documentNumber: key.documentNumber, dateOfBirth: key.dateOfBirth }],
  ])('rejects %s', (_label, k) => expect(parseKioskMessage({ type: 'chip.key', ...k })).toBe(null));
});
