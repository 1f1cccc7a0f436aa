/**
 * The esbuild bundle that `npm start` runs, on bare node: a broken bundle (a module that did not
 * resolve from dist/, the font not found, a CommonJS require that fails in ESM) must fail here.
 */
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VirtualPrinter } from '@mot-cua/hardware';
import { openPtyPair, type PtyPair } from '@mot-cua/hardware/testing/socat.ts';
import { ensureBundle, startBuiltAgent, type BuiltAgent } from './built-agent.ts';
import { FakeQueueServer } from './fake-queue-server.ts';
import { KioskClient, type Msg } from './ws-client.ts';

const TICKET = {
  id: 'tk-77',
  number: 'B2047',
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
  serviceName: 'Hộ tịch – Đăng ký khai sinh',
  priorityName: 'Người cao tuổi',
  peopleAhead: 2,
  estimatedWaitMinutes: 9,
  issuedAt: '2026-11-22T02:05:00Z',
  statusUrl: 'http://127.0.0.1:8080/t/tk-77',
};

type Printed = { text: string; qr: string[]; png: string; txt: string };

let server: FakeQueueServer;
let dataDir: string;
let agent: BuiltAgent | null;

beforeAll(() => ensureBundle(), 120_000);

beforeEach(async () => {
  server = new FakeQueueServer();
  await server.start();
  dataDir = await mkdtemp(join(tmpdir(), 'agent-bundle-'));
  agent = null;
});

afterEach(async () => {
  await agent?.stop();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

const simulated = (textMode: 'cp1258' | 'raster') =>
  startBuiltAgent({ AGENT_SIMULATE: '1', AGENT_TEXT_MODE: textMode, QUEUE_SERVER_URL: server.url, DEVICE_TOKEN: 'demo-kiosk-1', DATA_DIR: dataDir });

async function print(kiosk: KioskClient, requestId: string): Promise<Msg> {
  kiosk.send({ type: 'print', requestId, ticket: TICKET });
  return kiosk.next((m) => m.type === 'print.result' && m.requestId === requestId, 10_000);
}

describe('built kiosk agent (dist/main.js on plain node)', () => {
  it('reports every simulated part and prints Vietnamese that the virtual printer decodes intact', async () => {
    agent = await simulated('cp1258');
    const health = (await (await fetch(`${agent.url}/health`)).json()) as { status: string; parts: { kind: string; status: string }[] };
    expect(health.status).toBe('ok');
    expect(new Set(health.parts.map((p) => p.kind))).toEqual(new Set(['printer', 'scanner', 'keypad', 'display']));
    expect(health.parts.find((p) => p.kind === 'printer')?.status).toBe('ok');

    const kiosk = await KioskClient.connect(agent.url);
    try {
      expect((await kiosk.next((m) => m.type === 'status')).parts).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'printer', status: 'ok' })]));
      expect(await print(kiosk, 'r1')).toEqual({ type: 'print.result', requestId: 'r1', ok: true });
    } finally {
      kiosk.close();
    }
    const { printed } = (await (await fetch(`${agent.url}/sim/printed`)).json()) as { printed: Printed[] };
    expect(printed).toHaveLength(1);
    const txt = (await readFile(printed[0]!.txt, 'utf8')).replace(/\n/g, ' ');
    expect(txt).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH BẮC NINH');
    expect(txt).toContain('Hộ tịch – Đăng ký khai sinh');
    expect(txt).toContain('Người cao tuổi');
    expect(txt).toContain('B2047');
    expect(printed[0]!.qr).toEqual([TICKET.statusUrl]);
    await server.waitFor(() => server.to('/api/v1/tickets/tk-77/print-status').length === 1);
    expect(server.to('/api/v1/tickets/tk-77/print-status')[0]).toMatchObject({ auth: 'Bearer demo-kiosk-1', body: { printed: true } });
  });

  it('prints a raster ticket: the DejaVu font resolves from dist/', async () => {
    agent = await simulated('raster');
    const kiosk = await KioskClient.connect(agent.url);
    try {
      expect(await print(kiosk, 'r2')).toEqual({ type: 'print.result', requestId: 'r2', ok: true });
    } finally {
      kiosk.close();
    }
    const { printed } = (await (await fetch(`${agent.url}/sim/printed`)).json()) as { printed: Printed[] };
    expect(printed).toHaveLength(1);
    expect(printed[0]!.qr).toEqual([TICKET.statusUrl]);
    const png = await readFile(printed[0]!.png);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  describe('with a real-device config file', () => {
    let pty: PtyPair | null = null;
    let printer: VirtualPrinter | null = null;

    afterEach(async () => {
      await agent?.stop();
      agent = null;
      await printer?.close();
      await pty?.close();
    });

    it('prints on a serial printer (serialport loaded on use) and reports the unplugged HID keypad', async () => {
      pty = await openPtyPair();
      printer = new VirtualPrinter({ dataDir, paperWidth: 80 });
      await printer.openSerial(pty.b);
      const configFile = join(dataDir, 'agent.yaml');
      await writeFile(
        configFile,
        [
          // a pty relayed by socat to a printer simulated in this busy test process answers slower than a printer: 5 s per status query
          `printer: { kind: serial, address: "${pty.a}", paperWidth: 80, model: epson, textMode: cp1258, statusTimeoutMs: 5000 }`,
          'scanners: []',
          'keypads:',
          '  - { id: keypad-1, kind: calling, driver: hid, counterId: quay-1, token: demo-keypad-1, vendorId: "0x1209", productId: "0x0001" }',
          // asked again each second: on a loaded machine the pty's first answer can miss the 1.5 s status timeout
          'printerPollMs: 1000',
          '',
        ].join('\n'),
      );
      agent = await startBuiltAgent({ AGENT_CONFIG: configFile, QUEUE_SERVER_URL: server.url, DEVICE_TOKEN: 'demo-kiosk-1', DATA_DIR: dataDir });

      const kiosk = await KioskClient.connect(agent.url);
      try {
        const partsOf = (m: Record<string, unknown>) => Object.fromEntries(((m.parts ?? []) as { id: string; status: string }[]).map((p) => [p.id, p.status]));
        // the printer turns ok at its first answered status query (pushed on every change)
        const status = await kiosk.next((m) => m.type === 'status' && partsOf(m).printer === 'ok', 20_000);
        const byId = partsOf(status);
        expect(byId.printer).toBe('ok');
        expect(['offline', 'error']).toContain(byId['keypad-1']);
        expect(await print(kiosk, 'r3')).toEqual({ type: 'print.result', requestId: 'r3', ok: true });
      } finally {
        kiosk.close();
      }
      await printer.idle();
      expect(printer.printed).toHaveLength(1);
      expect(printer.printed[0]!.text).toContain('Hộ tịch – Đăng ký khai sinh');
      await access(printer.printed[0]!.pngPath);
      // node-hid and serialport are externals: each must resolve from dist/, not be missing.
      expect(agent.output()).not.toMatch(/Cannot find (package|module)/);
      // No simulator controls when nothing is simulated.
      expect((await fetch(`${agent.url}/sim/printed`)).status).toBe(404);
    });
  });
});
