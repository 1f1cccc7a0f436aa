import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { ERRORS, HTTP_ERRORS, NOTICES, codeOf, fail, say, text } from './messages.ts';

const ALL = { ...ERRORS, ...HTTP_ERRORS, ...NOTICES };
// Letters only Vietnamese uses: a text that has none of them is English left in the Vietnamese slot.
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe('server messages', () => {
  it('each has a Vietnamese and an English text, neither carrying the separator itself', () => {
    for (const [key, t] of Object.entries(ALL)) {
      expect(t.vi.trim(), key).not.toBe('');
      expect(t.en.trim(), key).not.toBe('');
      expect(t.vi, key).toMatch(VIETNAMESE);
      expect(`${t.vi}${t.en}`, key).not.toContain(' / ');
    }
  });

  it('keys are a snake_case code, optionally with a :variant', () => {
    for (const key of Object.keys(ALL)) expect(key).toMatch(/^[a-z][a-z0-9_]*(?::[a-z][a-z0-9_]*)?$/);
    expect(codeOf('not_found:booking')).toBe('not_found');
    expect(codeOf('csrf')).toBe('csrf');
  });

  it('fail builds the refusal: kind, the code before the colon, Vietnamese first', () => {
    const e = fail('not_found:booking', { code: 'AB12CD' });
    expect(e).toBeInstanceOf(DomainError);
    expect(e.kind).toBe('not_found');
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('Không tìm thấy lịch hẹn "AB12CD" / booking not found');
    expect(fail('csrf').message).toBe('Thiếu mã chống giả mạo (CSRF); hãy tải lại trang / missing or wrong CSRF token; reload the page');
  });

  it('puts a parameter in both languages, every time it appears, and never expands what a value contains', () => {
    expect(say(HTTP_ERRORS['bad_request:invalid_at'], { where: 'body.score', detail: 'must be <= 4', context: 'body' })).toBe(
      'Dữ liệu không hợp lệ ở "body.score": must be <= 4 / invalid body at "body.score": must be <= 4',
    );
    expect(text('print_failed', { number: 'A001', reason: '{deviceId}', deviceId: 'kiosk-1' })).toBe(
      'Không in được phiếu số A001 ({deviceId}) tại kiosk-1 / ticket A001 was not printed',
    );
  });

  it('the compiler holds a caller to the parameters a text names', () => {
    // @ts-expect-error a text with parameters needs them
    expect(() => fail('slot_full')).not.toThrow();
    // @ts-expect-error a parameter the text does not name
    expect(fail('csrf', { extra: 1 }).code).toBe('csrf');
    // @ts-expect-error every parameter the text names
    expect(fail('no_such_slot', { time: '08:00' }).message).toContain('08:00');
  });
});
