import { describe, expect, it } from 'vitest';
import { parseRoute } from './route.ts';

describe('parseRoute', () => {
  it('sends the bare prefix and unknown paths home', () => {
    expect(parseRoute('/kiosk/')).toEqual({ name: 'home' });
    expect(parseRoute('/kiosk')).toEqual({ name: 'home' });
    expect(parseRoute('/kiosk/nope')).toEqual({ name: 'home' });
  });
  it('reads the phone page id from /t/:id', () => {
    expect(parseRoute('/t/abc-123')).toEqual({ name: 'phone', id: 'abc-123' });
    expect(parseRoute('/t/abc-123/')).toEqual({ name: 'phone', id: 'abc-123' });
  });
  it('keeps the field and procedure when taking a number from a procedure page', () => {
    expect(parseRoute('/kiosk/take', '?service=ho-tich&procedure=1.001193')).toEqual({ name: 'take', serviceId: 'ho-tich', procedureCode: '1.001193' });
  });
  it('reads the procedure code from the query, dots and all', () => {
    expect(parseRoute('/kiosk/procedure', '?code=1.001193')).toEqual({ name: 'procedure', code: '1.001193' });
    expect(parseRoute('/kiosk/procedure')).toEqual({ name: 'procedures' });
  });
  it('decodes path parameters', () => {
    expect(parseRoute('/kiosk/ticket/t%2F1')).toEqual({ name: 'ticket', id: 't/1' });
  });
  it('a ticket route without an id goes home rather than to an empty ticket', () => {
    expect(parseRoute('/kiosk/ticket')).toEqual({ name: 'home' });
  });
  it('reads the search of the procedure list', () => {
    expect(parseRoute('/kiosk/procedures', '?q=khai%20sinh')).toEqual({ name: 'procedures', serviceId: undefined, q: 'khai sinh' });
  });
  it('opens the booking on a field and its first free time (the closing-time offer), or plain', () => {
    expect(parseRoute('/kiosk/book', '?service=dat-dai&first=1')).toEqual({ name: 'book', serviceId: 'dat-dai', first: true });
    expect(parseRoute('/kiosk/book')).toEqual({ name: 'book', serviceId: undefined, first: false });
  });
});
