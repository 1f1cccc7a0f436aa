// The kiosk's CCCD chip reader, pulled out (issue 22): the kiosk agent reports it as a `warning`
// part of kind `scanner` — the kiosk still takes the card's QR and MRZ through its scanner, so it
// is not shown as a dead (offline) kiosk — and the manager board says which reader of which kiosk;
// plugged back in, the board is fine again without a reload. Real queue-server, real kiosk agent
// (simulated devices, its /sim/chip-reader control), Chromium. Screenshots in tests/artifacts/devices/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHIP_READER_UNPLUGGED } from '@mot-cua/hardware';
import { interpolate } from '@mot-cua/config/strings/index.ts';
import { manager as dict } from '@mot-cua/config/strings/manager.ts';
import type { RunningAgent } from '../../kiosk-agent/src/agent.ts';
import { startKioskAgent } from '../support/agent.ts';
import { ApiClient } from '../support/api.ts';
import { axeCheck } from '../support/browser.ts';
import { repoRoot } from '../support/server.ts';
import { openManagerBoard } from '../support/sign-in.ts';
import { browserSuite } from '../support/suite.ts';

const ART = path.join(repoRoot, 'tests/artifacts/devices');
mkdirSync(ART, { recursive: true });
/** Patience for the agent's report and the board's live update; not a speed check. */
const POLL_MS = 15_000;

const suite = browserSuite();
let agent: RunningAgent;
beforeAll(async () => {
  agent = await startKioskAgent(suite.server.url);
});
afterAll(async () => {
  await agent?.close();
});

type Part = { id: string; kind: string; status: string; detail?: string };
type DevicesBody = { devices: { deviceId: string; name: string; parts: Part[] }[]; alerts: { kind: string; deviceId: string | null; resolvedAt?: string | null }[] };

const plug = (connected: boolean) =>
  fetch(`${agent.url}/sim/chip-reader`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ connected }) });

async function kioskOnServer(api: ApiClient) {
  const body = (await api.get<DevicesBody>('/api/v1/devices')).body;
  return { kiosk: body.devices.find((d) => d.deviceId === 'kiosk-1'), alerts: body.alerts.filter((a) => a.deviceId === 'kiosk-1') };
}

describe('the kiosk chip reader on the manager board', () => {
  it('is a warning part of the kiosk when the reader is removed, and fine again when it is back (vi, en)', async () => {
    const api = new ApiClient(suite.server.url);
    await api.login('quanly');
    // The agent's first report: every simulated part fine, the chip reader among them as a scanner.
    await expect.poll(async () => (await kioskOnServer(api)).kiosk?.parts.find((p) => p.id === 'chip-reader'), { timeout: POLL_MS }).toMatchObject({ kind: 'scanner', status: 'ok' });
    const mgr = await openManagerBoard(suite);
    const panel = mgr.getByTestId('devices');
    await expect.poll(() => panel.textContent(), { timeout: POLL_MS }).toContain(dict.vi.devicesOk);
    const { kiosk } = await kioskOnServer(api);

    const pulled = await plug(false);
    expect(pulled.status).toBe(200);
    expect(((await pulled.json()) as { status: Part }).status).toMatchObject({ id: 'chip-reader', kind: 'scanner', status: 'warning' });
    const line = (lang: 'vi' | 'en') =>
      `${interpolate(dict[lang].devicePart, { device: kiosk!.name, part: 'chip-reader', status: dict[lang].partStatus_warning })}: ${CHIP_READER_UNPLUGGED}`;
    const row = panel.locator('li', { hasText: 'chip-reader' });
    await expect.poll(() => row.textContent(), { timeout: POLL_MS }).toBe(line('vi'));
    // A warning, not a dead kiosk: the row is the warning's, and no part of the kiosk is offline.
    expect(await row.getAttribute('class')).toContain('st-warning');
    expect(await panel.textContent()).not.toContain(dict.vi.partStatus_offline);
    const down = await kioskOnServer(api);
    expect(down.kiosk?.parts.find((p) => p.id === 'chip-reader')).toEqual({ id: 'chip-reader', kind: 'scanner', status: 'warning', detail: CHIP_READER_UNPLUGGED });
    expect(down.kiosk?.parts.filter((p) => p.status === 'offline')).toEqual([]);
    expect(down.alerts.map((a) => a.kind)).toContain('device_scanner');
    await mgr.screenshot({ path: path.join(ART, 'manager-chip-reader-warning-vi.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    await mgr.getByRole('button', { name: 'English' }).click();
    await mgr.getByRole('heading', { name: 'Operations board' }).waitFor();
    await expect.poll(() => row.textContent(), { timeout: POLL_MS }).toBe(line('en'));
    await mgr.screenshot({ path: path.join(ART, 'manager-chip-reader-warning-en.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    // Plugged back in: the board is fine again without a reload, and the scanner alert resolved.
    expect((await plug(true)).status).toBe(200);
    await expect.poll(() => panel.textContent(), { timeout: POLL_MS }).toContain(dict.en.devicesOk);
    expect(await row.count()).toBe(0);
    const back = await kioskOnServer(api);
    expect(back.kiosk?.parts.find((p) => p.id === 'chip-reader')).toMatchObject({ kind: 'scanner', status: 'ok' });
    expect(back.alerts.map((a) => a.kind)).not.toContain('device_scanner');
    await mgr.screenshot({ path: path.join(ART, 'manager-chip-reader-back-en.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
  });
});
