import { describe, expect, it } from 'vitest';
import { messageFor } from './message.ts';

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
