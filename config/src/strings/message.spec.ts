import { describe, expect, it } from 'vitest';
import { messageFor } from './index.ts';

describe('messageFor', () => {
  it('takes the Vietnamese half for vi and the English half for en', () => {
    const raw = 'Không có vé nào đang chờ / No ticket is waiting';
    expect(messageFor(raw, 'vi')).toBe('Không có vé nào đang chờ');
    expect(messageFor(raw, 'en')).toBe('No ticket is waiting');
  });
  it('keeps a message with no separator whole', () => {
    expect(messageFor('HTTP 500', 'en')).toBe('HTTP 500');
  });
  it('splits on the first separator only', () => {
    expect(messageFor('a / b / c', 'en')).toBe('b / c');
  });
});

describe('messageFor with real server messages', () => {
  const m = 'Chưa đến giờ xác nhận; mời quay lại từ 09:30 / too early; check in from 09:30';
  it('shows the Vietnamese half in Vietnamese and the English half in English', () => {
    expect(messageFor(m, 'vi')).toBe('Chưa đến giờ xác nhận; mời quay lại từ 09:30');
    expect(messageFor(m, 'en')).toBe('too early; check in from 09:30');
  });
  it('keeps a further " / " inside the English half', () => {
    expect(messageFor('A / B / C', 'en')).toBe('B / C');
  });
  it('shows a one-language message whole in both languages', () => {
    expect(messageFor('HTTP 500', 'en')).toBe('HTTP 500');
    expect(messageFor('HTTP 500', 'vi')).toBe('HTTP 500');
  });
});
