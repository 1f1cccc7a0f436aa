import { describe, expect, it } from 'vitest';
import { common, ticketStatusKey } from '../src/strings/common.ts';
import { translator } from '../src/strings/index.ts';

describe('common strings', () => {
  it('has an English text for every Vietnamese one, none empty, all NFC', () => {
    expect(Object.keys(common.en).sort()).toEqual(Object.keys(common.vi).sort());
    for (const lang of ['vi', 'en'] as const)
      for (const [key, text] of Object.entries(common[lang])) {
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        expect(text, `${lang}.${key}`).toBe(text.normalize('NFC'));
      }
  });

  it('names every ticket state as the brief gives them', () => {
    const t = translator(common, 'vi');
    expect(Object.fromEntries(Object.entries(ticketStatusKey).map(([status, key]) => [status, t(key)]))).toEqual({
      waiting: 'Đang chờ',
      called: 'Đang gọi',
      serving: 'Đang phục vụ',
      parked: 'Tạm hoãn',
      done: 'Đã xong',
      no_show: 'Vắng mặt',
      cancelled: 'Đã huỷ',
      transferred: 'Đã chuyển',
    });
  });

  it('fills the placeholders', () => {
    expect(translator(common, 'vi')('counterNumber', { counter: 5 })).toBe('Quầy số 5');
    expect(translator(common, 'en')('minutes', { n: 15 })).toBe('15 min');
    expect(common.vi.errorServerUnreachable).toMatch(/^Không kết nối được máy chủ/);
  });
});
