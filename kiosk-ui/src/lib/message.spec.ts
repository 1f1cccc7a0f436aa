import { describe, expect, it } from 'vitest';
import { messageFor } from './message.ts';

describe('messageFor', () => {
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
