// A number from the phone, configurable per field (issue 17.1): a field whose procedures need
// the citizen in person (`remoteQueue: false`) refuses a `mobile` number with 403 in_person_only
// and says so in /center (`remote`); kiosks still issue there.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
afterEach(() => s?.close());

describe('remote numbers per field (issue 17.1)', () => {
  it('a phone is refused a number for an in-person field, clearly and in both languages; other fields and kiosks go on', async () => {
    const now = Date.parse('2026-11-24T09:00:00+07:00');
    const config = loadDemoConfig();
    config.services.find((x) => x.id === 'dat-dai')!.remoteQueue = false;
    s = await startTestServer({ now: () => now, config });
    const phone = s.client();
    const refused = await phone.post<{ error: { code: string; message: string } }>('/api/v1/tickets', { serviceId: 'dat-dai', channel: 'mobile' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('in_person_only');
    expect(refused.body.error.message).toBe('Lĩnh vực Đất đai cần quý vị có mặt tại trung tâm; mời lấy số tại kiosk / Land needs you in person; please take a number at a kiosk of the centre');
    // No channel from a phone is `mobile` too.
    expect((await phone.post('/api/v1/tickets', { serviceId: 'dat-dai' })).status).toBe(403);
    expect((await phone.post<{ channel: string }>('/api/v1/tickets', { serviceId: 'ho-tich' })).body.channel).toBe('mobile');
    const kiosk = await s.client({ authorization: 'Bearer demo-kiosk-1' }).post<{ channel: string }>('/api/v1/tickets', { serviceId: 'dat-dai' });
    expect(kiosk.status).toBe(201);
    const center = await phone.get<{ services: { id: string; remote: boolean }[] }>('/api/v1/center');
    expect(center.body.services.find((x) => x.id === 'dat-dai')!.remote).toBe(false);
    expect(center.body.services.find((x) => x.id === 'ho-tich')!.remote).toBe(true);
  });
});
