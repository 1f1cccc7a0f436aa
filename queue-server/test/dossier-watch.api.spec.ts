// "Hồ sơ đã có kết quả" (issue 17.2): POST /dossiers/:code/notify with a mobile number, then the
// dossier turns ready and the centre's SMS gateway (a local stub server speaking its JSON) is asked
// once to text the holder; kept across a restart; refused clearly for a bad number, a dossier done
// already, a code that is none, a centre with no SMS or Zalo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { startTestServer, type TestServer } from './harness.ts';
import { DossierWatch } from '../src/services/notify/dossier-watch.ts';
import { SmsChannel } from '../src/services/notify/channels.ts';
import { startSmsGateway, type SmsGateway } from '../../tests/support/sms-gateway.ts';

type Err = { error: { code: string; message: string } };
let gateway: SmsGateway;
let smsUrl = '';
let texts: SmsGateway['texts'] = [];
let s: TestServer;
let plain: TestServer;
const clock = Date.parse('2026-11-24T09:00:00+07:00');

beforeAll(async () => {
  gateway = await startSmsGateway();
  texts = gateway.texts;
  smsUrl = gateway.url;
  s = await startTestServer({ now: () => clock, notify: { sms: { url: smsUrl, token: 't', timeoutMs: 2000, sender: 'UBNDTANAN' }, zalo: null, push: null, subject: 'mailto:a@b.c', timeoutMs: 2000 } });
  plain = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  await s?.close();
  await plain?.close();
  await gateway?.close();
});

describe('texted when the dossier is ready (issue 17.2)', () => {
  it('watched, then ready: told once, with the procedure and the centre; the watch survives a restart', async () => {
    const code = '261102-CT02-0002';
    const r = await s.client().post<{ code: string; channel: string }>(`/api/v1/dossiers/${code.toLowerCase()}/notify`, { phone: '0912 345 678' });
    expect([r.status, r.body]).toEqual([201, { code, channel: 'sms' }]);
    expect(await s.ctx.dossierWatch.tick()).toBe(0);
    expect(texts).toEqual([]);
    // The number is in no public view of the dossier.
    expect(JSON.stringify((await s.client().get(`/api/v1/dossiers/${code}`)).body)).not.toMatch(/0912|345 ?678/);

    const d = await s.ctx.store.reads.dossier(code);
    await s.ctx.store.commit({ dossiers: [{ ...d!, status: 'ready', updatedAt: clock }] });
    // As a restarted server would: a new watcher over the same store.
    const config = loadDemoConfig();
    const log: string[] = [];
    const restarted = new DossierWatch(s.ctx.store, s.ctx.dossiers, { sms: new SmsChannel({ url: smsUrl, token: 't', timeoutMs: 2000, sender: 'UBNDTANAN' }) }, () => config, () => clock, (l) => log.push(l));
    expect(await restarted.tick()).toBe(1);
    expect(await restarted.tick()).toBe(0);
    expect(await s.ctx.dossierWatch.tick()).toBe(0);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to).toBe('0912345678');
    expect(texts[0]!.text).toMatch(new RegExp(`^Hồ sơ ${code} \\(.+\\) đã có kết quả\\. Mời mang giấy tiếp nhận đến ${config.center.name} để nhận / Dossier ${code} is ready`));
    expect(log).toEqual([`notify sms dossier-ready dossier ${code}: sent`]);
  });

  it('refused clearly: a number that is no mobile, a dossier ready or returned, a code that is none, a centre with no SMS or Zalo', async () => {
    const post = (srv: TestServer, code: string, body: unknown) => srv.client().post<Err>(`/api/v1/dossiers/${code}/notify`, body);
    const land = await post(s, '261101-HT01-0001', { phone: '024 3825 1234' });
    expect([land.status, land.body.error.code]).toEqual([400, 'bad_phone']);
    const ready = await post(s, '261104-XD04-0004', { phone: '0912345678' });
    expect([ready.status, ready.body.error.code]).toEqual([409, 'dossier_already_done']);
    expect(ready.body.error.message).toMatch(/^Hồ sơ 261104-XD04-0004 đã có kết quả hoặc đã trả/);
    expect((await post(s, '261105-LD05-0005', { phone: '0912345678' })).body.error.code).toBe('dossier_already_done');
    expect((await post(s, '261231-HT09-0999', { phone: '0912345678' })).status).toBe(404);
    expect((await post(s, 'abc', { phone: '0912345678' })).status).toBe(400);
    expect((await post(s, '261101-HT01-0001', { phone: '0912345678', channel: 'zalo' })).body.error.code).toBe('notify_unavailable');
    expect((await post(s, '261101-HT01-0001', {})).status).toBe(400);
    const none = await post(plain, '261101-HT01-0001', { phone: '0912345678' });
    expect([none.status, none.body.error.code]).toEqual([400, 'notify_unavailable']);
  });

  it('three phone numbers per dossier at most; the same number again replaces its watch', async () => {
    const code = '261103-DD03-0003';
    for (const p of ['0912000001', '0912000002', '0912000003', '0912000003']) expect((await s.client().post(`/api/v1/dossiers/${code}/notify`, { phone: p })).status).toBe(201);
    const full = await s.client().post<Err>(`/api/v1/dossiers/${code}/notify`, { phone: '0912000004' });
    expect([full.status, full.body.error.code]).toEqual([429, 'dossier_watch_full']);
  });
});
