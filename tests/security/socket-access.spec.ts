// Issue 7, point 5: socket.io decides who sees what. The hall view for anyone and any
// device; the waiting list for staff; stats, devices and alerts for managers. A client
// cannot talk its way into a room, and a bad device token is refused at connect.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../queue-server/test/harness.ts';
import { connect, outcome, type Recorder } from './sockets.ts';

const server = await startTestServer();
const open: Recorder[] = [];
afterAll(async () => {
  for (const r of open) r.close();
  await server.close();
});

const staff = server.client();
await staff.login('quay2', 'quay-2');
const manager = server.client();
await manager.login('quanly');
const cookieOf = (c: typeof staff) => `sid=${c.cookie('sid')}`;

function socket(opts: Parameters<typeof connect>[1] = {}) {
  const r = connect(server.url, opts);
  open.push(r);
  return r;
}

interface State {
  queue: unknown[];
  counters: unknown[];
  recentCalls: unknown[];
  waiting?: unknown[];
  stats?: unknown;
  devices?: unknown[];
  alerts?: unknown[];
}

const STAFF_ONLY = ['waiting'];
const MANAGER_ONLY = ['stats', 'devices', 'alerts'];
const MANAGER_EVENTS = ['stats.changed', 'device.health', 'alert'];
const STAFF_EVENTS = ['waiting.changed'];

describe('socket.io: who may see what', () => {
  it('the hall view for anyone, any device and any bad cookie: no waiting list, stats or devices', async () => {
    await server.client().post('/api/v1/tickets', { serviceId: 'ho-tich', identityQr: '079123456789|123456789|Nguyễn Văn An|01011950|Nam|12 Lê Lợi|01012021' });
    for (const [label, opts] of [
      ['nobody', {}],
      ['the kiosk', { token: 'demo-kiosk-1' }],
      ['the hall board', { token: 'demo-board-1' }],
      ['a keypad', { token: 'demo-keypad-2' }],
      ['a forged session cookie', { cookie: 'sid=forged' }],
      ['an empty token', { token: '' }],
      ['a token that is not a string', { token: { role: 'manager' } }],
    ] as const) {
      const r = socket(opts);
      const state = await r.next<State>('state');
      expect(Object.keys(state).sort(), label).toEqual(['counters', 'queue', 'recentCalls', 'time']);
      for (const k of [...STAFF_ONLY, ...MANAGER_ONLY]) expect(state, `${label}: ${k}`).not.toHaveProperty(k);
    }
  });

  it('a bad or revoked-looking device token is refused at connect', async () => {
    for (const token of ['nope', 'demo-kiosk-2', 'Bearer demo-kiosk-1', 'demo-kiosk-1 ', 'x'.repeat(5000)]) {
      const r = socket({ token });
      expect(await outcome(r), token.slice(0, 30)).toBe('bad_device_token');
      expect(r.events.find((e) => e.name === 'state')).toBeUndefined();
    }
  });

  it('staff get the waiting list but not stats or devices; managers get all', async () => {
    const s = await socket({ cookie: cookieOf(staff) }).next<State>('state');
    expect(Array.isArray(s.waiting)).toBe(true);
    expect(s.waiting!.length).toBeGreaterThan(0);
    for (const k of MANAGER_ONLY) expect(s).not.toHaveProperty(k);

    const m = await socket({ cookie: cookieOf(manager) }).next<State>('state');
    expect(Array.isArray(m.waiting)).toBe(true);
    expect(m.stats).toBeTruthy();
    expect(Array.isArray(m.devices)).toBe(true);
  });

  it('manager events reach managers only, staff events staff only, whatever a client asks for', async () => {
    const anon = socket();
    const kiosk = socket({ token: 'demo-kiosk-1' });
    const st = socket({ cookie: cookieOf(staff) });
    const mg = socket({ cookie: cookieOf(manager) });
    for (const r of [anon, kiosk, st, mg]) await r.next('state');

    // Try to get into the rooms by asking: the server has no such handlers and must not grow them by accident.
    for (const r of [anon, kiosk, st]) {
      for (const ev of ['join', 'subscribe', 'room', 'join-room']) {
        r.socket.emit(ev, 'manager');
        r.socket.emit(ev, { room: 'manager' });
        r.socket.emit(ev, 'staff');
      }
    }
    anon.socket.emit('state.request');
    const again = await anon.next<State>('state', () => anon.events.filter((e) => e.name === 'state').length >= 2);
    expect(again).not.toHaveProperty('waiting');

    await server.client().post('/api/v1/tickets', { serviceId: 'dat-dai' });
    const health = await server.client({ authorization: 'Bearer demo-kiosk-1' }).post('/api/v1/devices/health', { parts: [{ id: 'printer', kind: 'printer', status: 'error', detail: 'hết giấy' }] });
    expect(health.status).toBe(204);

    await mg.next('alert');
    await mg.next('device.health');
    await mg.next('stats.changed');
    await st.next('waiting.changed');
    // The last of these is throttled (stats, 1 s): once managers have it, the others have had their chance.
    const names = (r: Recorder) => new Set(r.events.map((e) => e.name));
    for (const [label, r] of [
      ['nobody', anon],
      ['the kiosk', kiosk],
    ] as const) {
      for (const ev of [...MANAGER_EVENTS, ...STAFF_EVENTS]) expect(names(r).has(ev), `${label} got ${ev}`).toBe(false);
      expect(names(r).has('ticket.issued'), `${label} sees the hall`).toBe(true);
    }
    for (const ev of MANAGER_EVENTS) expect(names(st).has(ev), `staff got ${ev}`).toBe(false);
  });
});
