/**
 * The agent on a config with a real (PC/SC) chip reader and no pcscd to talk to: it starts, logs
 * one clear warning, and reports the chip reader as a warning part (not offline: the kiosk still
 * reads the card's QR and MRZ through its scanner). pcscd is kept out of reach by pointing
 * libpcsclite at a socket that does not exist (PCSCLITE_CSOCK_NAME), whatever runs on the machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PCSC_WARNING, VirtualPrinter } from '@mot-cua/hardware';
import { startAgent } from './agent.ts';
import { agentConfigSchema } from './config-schema.ts';

describe('agent with a PC/SC chip reader and no pcscd', () => {
  it('starts with one warning; the chip reader is a warning part', async () => {
    process.env.PCSCLITE_CSOCK_NAME = '/nonexistent/pcscd.comm';
    const dir = await mkdtemp(join(tmpdir(), 'agent-chip-'));
    const printer = new VirtualPrinter({ dataDir: dir, paperWidth: 58 });
    const { port } = await printer.listenTcp(0);
    const config = agentConfigSchema.parse({
      printer: { kind: 'tcp', address: `127.0.0.1:${port}`, paperWidth: 58, textMode: 'raster' },
      chipReaders: [{ id: 'chip-1', driver: 'pcsc' }, { id: 'chip-2', driver: 'pcsc', readerName: 'ACR122' }],
    });
    const lines: string[] = [];
    const agent = await startAgent({
      port: 0,
      config,
      queueServerUrl: 'http://127.0.0.1:9',
      dataDir: dir,
      logger: { level: 'warn', stream: { write: (l: string) => lines.push(l) } },
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    try {
      const health = (await (await fetch(`${agent.url}/health`)).json()) as { parts: { id: string; kind: string; status: string; detail?: string }[] };
      const chips = health.parts.filter((p) => p.id.startsWith('chip-'));
      expect(chips.map((p) => [p.id, p.kind, p.status])).toEqual([
        ['chip-1', 'scanner', 'warning'],
        ['chip-2', 'scanner', 'warning'],
      ]);
      expect(chips[0]!.detail).toContain('pcscd');
      const warnings = lines.filter((l) => l.includes(PCSC_WARNING));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('SCardEstablishContext');
    } finally {
      await agent.close();
      await printer.close();
      await rm(dir, { recursive: true, force: true });
      delete process.env.PCSCLITE_CSOCK_NAME;
    }
  });
});
