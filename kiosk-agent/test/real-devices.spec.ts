/**
 * The agent on a real-device config: the printer is a TCP 9100 printer (here the virtual printer,
 * outside the agent, as a network printer would be), the keypad a HID device that is not
 * plugged in, the LED display a serial port that does not exist. It must start, print, and
 * report what is missing instead of crashing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualPrinter } from '@mot-cua/hardware';
import { startAgent } from '../src/agent.ts';
import { agentConfigSchema } from '../src/config-schema.ts';
import { FakeQueueServer } from './fake-queue-server.ts';
import { KioskClient } from './ws-client.ts';

describe('agent with real-device config', () => {
  it('prints on a TCP printer and reports missing devices as parts, not crashes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'agent-real-'));
    const printer = new VirtualPrinter({ dataDir: dir, paperWidth: 58 });
    const { port } = await printer.listenTcp(0);
    const server = new FakeQueueServer();
    await server.start();
    const config = agentConfigSchema.parse({
      printer: { kind: 'tcp', address: `127.0.0.1:${port}`, paperWidth: 58, textMode: 'raster' },
      scanners: [{ id: 'scanner-1', kind: 'serial', path: '/dev/ttyNOPE0' }],
      keypads: [{ id: 'keypad-1', kind: 'calling', driver: 'hid', counterId: 'quay-1', token: 'demo-keypad-1', vendorId: 0x1209, productId: 0x0001 }],
      displays: [{ id: 'led-1', driver: 'serial', counterId: 'quay-1', counter: 1, path: '/dev/ttyNOPE1' }],
    });
    const agent = await startAgent({ port: 0, config, queueServerUrl: server.url, dataDir: dir, logger: false });
    try {
      const kiosk = await KioskClient.connect(agent.url);
      const status = await kiosk.next((m) => m.type === 'status');
      const byId = Object.fromEntries((status.parts as { id: string; status: string }[]).map((p) => [p.id, p.status]));
      expect(byId).toMatchObject({ printer: 'ok', 'scanner-1': 'offline', 'led-1': 'offline' });
      expect(['offline', 'error']).toContain(byId['keypad-1']);

      kiosk.send({
        type: 'print',
        requestId: 'r1',
        ticket: { id: 't9', number: 'C3001', centerName: 'Trung tâm', serviceName: 'Đất đai', priorityName: null, peopleAhead: 0, estimatedWaitMinutes: 0, issuedAt: '2026-11-22T01:00:00Z', statusUrl: 'http://h/t/t9' },
      });
      expect(await kiosk.next((m) => m.type === 'print.result')).toMatchObject({ ok: true });
      await printer.idle();
      expect(printer.printed).toHaveLength(1);
      expect(printer.printed[0]!.qr).toEqual(['http://h/t/t9']);
      expect(printer.printed[0]!.decoded.items.filter((i) => i.kind === 'image').length).toBeGreaterThan(0);
      // The simulator controls exist only when something is simulated.
      expect((await fetch(`${agent.url}/sim/printed`)).status).toBe(404);
      kiosk.close();
    } finally {
      await agent.close();
      await printer.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
