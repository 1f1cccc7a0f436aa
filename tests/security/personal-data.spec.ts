// Issue 7, point 5: the ticket status page and the public realtime feed reveal nothing
// personal about a citizen whose ID card (CCCD) was scanned at the kiosk: not the ID
// number nor its last digits, not the name, birth date or address.
import { mkdtempSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { buildApp } from '../../queue-server/src/app.ts';
import { backupDatabase } from '../../queue-server/src/store/sqlite/backup.ts';
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

// Issue 14, point 7.
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `motcua-${name}-`));
const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('the secret key', () => {
  it('an empty, short or non-hex secret.key stops the server with a clear message', async () => {
    for (const [label, text] of [['empty', ''], ['31 bytes', 'ab'.repeat(31)], ['not hex', 'z'.repeat(64)]] as const) {
      const dataDir = tmp('secret');
      writeFileSync(path.join(dataDir, 'secret.key'), text);
      const started = buildApp({ config: loadDemoConfig(), dataDir, demo: true, logger: false });
      await expect(started, label).rejects.toThrow(/Khoá bí mật .*secret\.key không hợp lệ: cần ít nhất 32 byte .* \/ secret key .* needs at least 32 bytes/);
    }
  });

  it('a new one has 32 random bytes, mode 0600; a good one is kept', async () => {
    const dataDir = tmp('secret');
    const a = await buildApp({ config: loadDemoConfig(), dataDir, demo: true, logger: false });
    await a.app.close();
    const key = readFileSync(path.join(dataDir, 'secret.key'), 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(modeOf(path.join(dataDir, 'secret.key'))).toBe('600');
    const b = await buildApp({ config: loadDemoConfig(), dataDir, demo: true, logger: false });
    await b.app.close();
    expect(readFileSync(path.join(dataDir, 'secret.key'), 'utf8')).toBe(key);
  });
});

describe('files on disk', () => {
  it('the database, its WAL and shared memory, the key and a backup are 0600 under a 022 umask', async () => {
    const before = process.umask(0o022);
    try {
      const s = await startTestServer({ dataDir: tmp('modes') });
      try {
        expect((await s.client({ authorization: 'Bearer demo-kiosk-1' }).post('/api/v1/tickets', { serviceId: 'ho-tich' })).status).toBe(201);
        const db = path.join(s.dataDir, 'queue.db');
        const backup = path.join(tmp('backup'), 'queue-backup.db');
        await backupDatabase(db, backup);
        const modes = Object.fromEntries([db, `${db}-wal`, `${db}-shm`, path.join(s.dataDir, 'secret.key'), backup].map((f) => [path.basename(f), modeOf(f)]));
        expect(modes).toEqual({ 'queue.db': '600', 'queue.db-wal': '600', 'queue.db-shm': '600', 'secret.key': '600', 'queue-backup.db': '600' });
      } finally {
        await s.close();
      }
    } finally {
      process.umask(before);
    }
  });

  it('secure_delete is on, so a purge overwrites what it deletes', async () => {
    const s = await startTestServer({ dataDir: tmp('secure-delete') });
    try {
      expect(s.sqlite.db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      await s.close();
    }
  });
});

describe('the request log', () => {
  it('a token or rating key in a query string is redacted in the log of a real request', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const built = await buildApp({ config: loadDemoConfig(), dataDir: tmp('log'), demo: true, logger: { level: 'info', stream } });
    const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      for (const p of ['/kiosk/?token=demo-kiosk-1', '/api/v1/health?lang=vi&token=tok-SECRET-123', '/t/abc?k=KEY-SECRET-456&lang=en', '/api/v1/health?Token=tok-SECRET-789']) await (await fetch(url + p)).text();
    } finally {
      await built.app.close();
    }
    const text = lines.join('\n');
    const urls = lines.map((l) => (JSON.parse(l) as { req?: { url?: string } }).req?.url).filter(Boolean);
    expect(urls).toEqual(['/kiosk/?token=[redacted]', '/api/v1/health?lang=vi&token=[redacted]', '/t/abc?k=[redacted]&lang=en', '/api/v1/health?Token=[redacted]']);
    expect(text).not.toMatch(/demo-kiosk-1|tok-SECRET|KEY-SECRET/);
  });
});

describe('priority groups stay off public views', () => {
  it('the by-number look-up, the ticket by id, the hall state and anonymous socket events say only that a ticket has priority', async () => {
    const board = connect(server.url);
    sockets.push(board);
    await board.next('state');
    const kiosk = server.client({ authorization: 'Bearer demo-kiosk-1' });
    const groups = ['phu-nu-mang-thai', 'nguoi-khuyet-tat'];
    const issued: { id: string; number: string; priorityCategoryId: string | null }[] = [];
    for (const g of groups) issued.push((await kiosk.post<(typeof issued)[number]>('/api/v1/tickets', { serviceId: 'dat-dai', priorityCategoryId: g })).body);
    // The holder's own answer names the group (the slip says what they chose), and so do staff views.
    expect(issued.map((t) => t.priorityCategoryId)).toEqual(groups);
    const staff = server.client();
    await staff.login('quay4', 'quay-4');
    const desk = await staff.get<{ waiting: { id: string; priorityCategoryId: string | null }[] }>('/api/v1/counters/quay-4/queue');
    expect(groups.map((_, i) => desk.body.waiting.find((t) => t.id === issued[i]!.id)?.priorityCategoryId)).toEqual(groups);

    // Call one so the hall lists it, then ask for a fresh snapshot.
    let called: string | undefined;
    for (let i = 0; i < 20 && called !== issued[0]!.id; i++) called = (await staff.post<{ ticket?: { id: string } }>('/api/v1/counters/quay-4/call-next')).body?.ticket?.id;
    expect(called).toBe(issued[0]!.id);
    await board.next<{ ticket: { id: string; status: string } }>('ticket.updated', (x) => x.ticket.id === issued[0]!.id && x.ticket.status === 'called');
    board.socket.emit('state.request');
    await board.next('state', () => board.events.filter((e) => e.name === 'state').length >= 2);

    const anyone = server.client();
    const views: Record<string, unknown> = {
      'GET /tickets/by-number': (await anyone.get(`/api/v1/tickets/by-number/${issued[1]!.number}`)).body,
      'GET /tickets/:id': (await anyone.get(`/api/v1/tickets/${issued[1]!.id}`)).body,
      'anonymous socket': board.events,
    };
    expect(views['GET /tickets/by-number']).toMatchObject({ id: issued[1]!.id, priority: true, priorityCategoryId: null });
    expect(board.events.find((e) => e.name === 'ticket.issued' && (e.payload as { ticket: { id: string } }).ticket.id === issued[0]!.id)?.payload).toMatchObject({ ticket: { priority: true } });
    const named = Object.entries(views).filter(([, v]) => groups.some((g) => JSON.stringify(v).includes(g)) || /mang thai|khuyết tật/i.test(JSON.stringify(v)));
    expect(named.map(([where]) => where)).toEqual([]);
  });
});
