// Dead kiosk devices no longer go unnoticed (issue 20.3): a device that stops
// reporting turns into an alert on the manager's board after the centre's
// silence (DEVICE_SILENCE_SECONDS, here 2 s), and clears when it reports again;
// a kiosk page opened without its device token says it is not installed and
// how to install it, instead of offering numbers. Screenshots in
// tests/artifacts/devices/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kiosk as kioskDict } from '@mot-cua/config/strings/kiosk.ts';
import { manager as managerDict } from '@mot-cua/config/strings/manager.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot, startServer } from '../support/server.ts';
import { openManagerBoard } from '../support/sign-in.ts';
import { browserSuite } from '../support/suite.ts';

const ART = path.join(repoRoot, 'tests/artifacts/devices');
mkdirSync(ART, { recursive: true });
/** Patience for the silence to pass and the board to show it; not a speed check. */
const POLL_MS = 20_000;

const suite = browserSuite(() => startServer({ env: { DEVICE_SILENCE_SECONDS: '2' } }));

const hhmm = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

interface DevicesBody {
  devices: { deviceId: string; name: string; lastSeenAt: string | null; silentSince: string | null }[];
  alerts: { kind: string; deviceId: string | null; message: string }[];
}

describe('a device that stops reporting', () => {
  it('becomes an alert on the manager board after the silence, and clears when it reports again', async () => {
    const mgr = await openManagerBoard(suite);
    const panel = mgr.getByTestId('devices');
    await expect.poll(() => panel.textContent(), { timeout: POLL_MS }).toContain(managerDict.vi.devicesOk);

    const kiosk = new ApiClient(suite.server.url, { authorization: 'Bearer demo-kiosk-1' });
    expect((await kiosk.post('/api/v1/devices/health', { parts: [{ id: 'printer', kind: 'printer', status: 'ok' }] })).status).toBe(204);
    const api = new ApiClient(suite.server.url);
    await api.login('quanly');
    const reported = (await api.get<DevicesBody>('/api/v1/devices')).body.devices.find((d) => d.deviceId === 'kiosk-1');
    expect(reported?.lastSeenAt).toEqual(expect.any(String));
    expect(reported?.silentSince).toBeNull();

    // No report for longer than the silence: the server's timer raises it, the board shows since when.
    const silentLine = managerDict.vi.deviceSilent.replace('{device}', reported!.name).replace('{time}', hhmm(reported!.lastSeenAt!));
    await expect.poll(() => panel.textContent(), { timeout: POLL_MS }).toContain(silentLine);
    expect(await panel.textContent()).not.toContain(managerDict.vi.devicesOk);
    const silent = (await api.get<DevicesBody>('/api/v1/devices')).body;
    expect(silent.devices.find((d) => d.deviceId === 'kiosk-1')?.silentSince).toBe(reported!.lastSeenAt);
    expect(silent.alerts.filter((a) => a.kind === 'device_silent').map((a) => a.deviceId)).toEqual(['kiosk-1']);
    // The alert list says it too, Vietnamese on a Vietnamese board.
    await expect.poll(() => panel.locator('.alerts').textContent(), { timeout: POLL_MS }).toContain(`${reported!.name}: im lặng từ ${hhmm(reported!.lastSeenAt!)}`);
    await mgr.screenshot({ path: path.join(ART, 'manager-device-silent.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    // It reports again: the alert clears at once, without a reload.
    expect((await kiosk.post('/api/v1/devices/health', { parts: [{ id: 'printer', kind: 'printer', status: 'ok' }] })).status).toBe(204);
    await expect.poll(() => panel.textContent(), { timeout: POLL_MS }).toContain(managerDict.vi.devicesOk);
    expect(await panel.textContent()).not.toContain('im lặng');
    const back = (await api.get<DevicesBody>('/api/v1/devices')).body;
    expect(back.devices.find((d) => d.deviceId === 'kiosk-1')?.silentSince).toBeNull();
    expect(back.alerts.filter((a) => a.kind === 'device_silent')).toEqual([]);
    await mgr.screenshot({ path: path.join(ART, 'manager-device-back.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
  });
});

describe('a kiosk page without its device token', () => {
  it('says, Vietnamese first, that the kiosk is not installed and how to install it, and offers no numbers', async () => {
    const ctx = await suite.context({ viewport: { width: 1080, height: 1920 }, bypassCSP: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}/kiosk/`);
    const box = page.getByTestId('not-installed');
    await box.waitFor();
    const text = (await box.textContent()) ?? '';
    const vi = kioskDict.vi;
    const en = kioskDict.en;
    for (const s of [vi.notInstalledTitle, vi.notInstalledWhat, vi.notInstalledHow, en.notInstalledTitle]) expect(text).toContain(s);
    expect(text.indexOf(vi.notInstalledTitle)).toBeLessThan(text.indexOf(en.notInstalledTitle));
    // The install URL is the way in: it carries the token.
    expect(text).toContain(`${suite.server.url}/kiosk/?token=<mã kiosk>`);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(vi.notInstalledTitle);
    // Nothing to take a number with.
    expect(await page.getByRole('button', { name: vi.homeTake }).count()).toBe(0);
    expect(await page.getByRole('link', { name: vi.homeTake }).count()).toBe(0);
    await page.screenshot({ path: path.join(ART, 'kiosk-not-installed.png'), fullPage: true });
    expect(await axeCheck(page)).toEqual([]);

    // Another route without a token is no way in either.
    await page.goto(`${suite.server.url}/kiosk/take`);
    await box.waitFor();

    // The install URL opens the kiosk, and the kiosk keeps its token over a reload without it.
    await page.goto(`${suite.server.url}/kiosk/?token=demo-kiosk-1`);
    await page.getByText(vi.homeTake, { exact: true }).first().waitFor();
    await page.goto(`${suite.server.url}/kiosk/`);
    await page.getByText(vi.homeTake, { exact: true }).first().waitFor();
    expect(await box.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
