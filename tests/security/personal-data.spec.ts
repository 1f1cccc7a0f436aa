// Issue 7, point 5: the ticket status page and the public realtime feed reveal nothing
// personal about a citizen whose ID card (CCCD) was scanned at the kiosk: not the ID
// number nor its last digits, not the name, birth date or address.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../queue-server/test/harness.ts';
import { connect, type Recorder } from './sockets.ts';

const server = await startTestServer();
const sockets: Recorder[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

const QR = '079123456789|123456789|Nguyễn Văn An|01011950|Nam|12 Lê Lợi, phường Tân An|01012021';

/** What must never show: exact, lower-cased and without diacritics. The ward name is left out: it is the centre's own. */
const SECRETS = ['079123456789', '123456789', 'Nguyễn Văn An', 'Văn An', 'Lê Lợi', '01011950', '1950-01-01', '01/01/1950', '01012021'];
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** Every way the text gives a secret away, empty when it gives none. */
function leaks(text: string): string[] {
  const found = SECRETS.filter((s) => text.includes(s) || fold(text).includes(fold(s)));
  // The last four digits on their own or masked (…6789, ****6789, x6789), not inside a longer token.
  if (/(^|[^A-Za-z0-9])[*xX•·…._-]*6789(?![0-9])/.test(text)) found.push('last four digits 6789');
  return found;
}

describe('personal data stays off public views', () => {
  it('the leak check itself finds each secret, plain, folded and masked', () => {
    expect(leaks(JSON.stringify({ a: 'NGUYEN VAN AN' }))).toContain('Nguyễn Văn An');
    expect(leaks('"idLast4":"6789"')).toContain('last four digits 6789');
    expect(leaks('****6789')).toContain('last four digits 6789');
    expect(leaks('12 le loi')).toContain('Lê Lợi');
    expect(leaks('{"id":"aB6789cd","issuedAt":"2026-11-23T09:15:56.789+07:00"}')).toEqual([]);
  });

  it('ticket status (by id and by number), the kiosk’s answer and everything an anonymous socket receives', async () => {
    const board = connect(server.url);
    sockets.push(board);
    await board.next('state');

    const kiosk = server.client({ authorization: 'Bearer demo-kiosk-1' });
    const issued = await kiosk.post<{ id: string; number: string; priorityCategoryId: string | null }>('/api/v1/tickets', { serviceId: 'ho-tich', identityQr: QR });
    expect(issued.status).toBe(201);
    const { id, number } = issued.body;

    // The card was read: the citizen (born 1950) got the elderly category, and staff see the name.
    expect(issued.body.priorityCategoryId).toBeTruthy();
    const staff = server.client();
    await staff.login('quay2', 'quay-2');
    const desk = await staff.get<{ waiting: { id: string; citizen: { name: string; age: number } | null }[] }>('/api/v1/counters/quay-2/queue');
    const mine = desk.body.waiting.find((t) => t.id === id);
    expect(mine?.citizen?.name).toBe('Nguyễn Văn An');
    expect(mine?.citizen?.age).toBeGreaterThanOrEqual(60);

    // Take the ticket through a visit so the board sees every kind of event about it.
    let called: string | undefined;
    for (let i = 0; i < 10 && called !== id; i++) called = (await staff.post<{ ticket?: { id: string } }>('/api/v1/counters/quay-2/call-next')).body?.ticket?.id;
    expect(called).toBe(id);
    await staff.post('/api/v1/counters/quay-2/current/recall');
    await staff.post('/api/v1/counters/quay-2/current/start');
    await board.next('ticket.recalled');
    await board.next<{ ticket: { id: string; status: string } }>('ticket.updated', (x) => x.ticket.id === id && x.ticket.status === 'serving');
    board.socket.emit('state.request');
    await board.next('state', () => board.events.filter((e) => e.name === 'state').length >= 2);

    const views: Record<string, string> = {
      'POST /api/v1/tickets (the kiosk’s answer)': JSON.stringify(issued.body),
      'GET /api/v1/tickets/:id': JSON.stringify((await server.client().get(`/api/v1/tickets/${id}`)).body),
      'GET /api/v1/tickets/by-number/:number': JSON.stringify((await server.client().get(`/api/v1/tickets/by-number/${number}`)).body),
      'GET /api/v1/queue': JSON.stringify((await server.client().get('/api/v1/queue')).body),
      'GET /api/v1/center': JSON.stringify((await server.client().get('/api/v1/center')).body),
      'anonymous socket': JSON.stringify(board.events),
    };
    expect(views['GET /api/v1/tickets/:id']).toContain(`"id":"${id}"`);
    expect(board.events.some((e) => JSON.stringify(e.payload).includes(id))).toBe(true);
    const found = Object.entries(views)
      .map(([where, text]) => [where, leaks(text)] as const)
      .filter(([, l]) => l.length);
    expect(found).toEqual([]);
  });
});
