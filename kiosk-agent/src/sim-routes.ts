/** Simulator controls over HTTP, registered only when the agent runs simulated devices. */
import type { FastifyInstance } from 'fastify';
import type { KeypadKey } from '@mot-cua/hardware';
import type { Devices } from './devices.ts';
import type { PrintService } from './print-service.ts';

const KEYS = [
  'next', 'recall', 'no-show', 'finish', 'transfer', 'rate-1', 'rate-2', 'rate-3', 'rate-4',
  ...Array.from({ length: 10 }, (_, d) => `digit-${d}`),
];

export async function simRoutes(app: FastifyInstance, opts: { devices: Devices; printService: PrintService }): Promise<void> {
  const { sim } = opts.devices;

  app.post<{ Body: { text: string; scannerId?: string } }>(
    '/sim/scan',
    { schema: { body: { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 4000 }, scannerId: { type: 'string' } } } } },
    async (req, reply) => {
      const scanner = req.body.scannerId ? sim.scanners.get(req.body.scannerId) : [...sim.scanners.values()][0];
      if (!scanner) return reply.code(404).send({ error: { code: 'no_scanner', message: 'Không có máy quét mô phỏng / No simulated scanner' } });
      scanner.inject(req.body.text);
      return reply.code(202).send({ ok: true });
    },
  );

  app.post<{ Body: { state: 'ok' | 'paper_out' | 'cover_open' | 'offline' } }>(
    '/sim/printer',
    { schema: { body: { type: 'object', required: ['state'], properties: { state: { enum: ['ok', 'paper_out', 'cover_open', 'offline'] } } } } },
    async (req, reply) => {
      if (!sim.printer) return reply.code(404).send({ error: { code: 'no_printer', message: 'Máy in không phải mô phỏng / The printer is not simulated' } });
      sim.printer.setState(req.body.state);
      const state = await opts.printService.refresh();
      return { state };
    },
  );

  app.post<{ Body: { counterId: string; key: string; kind?: 'calling' | 'rating' } }>(
    '/sim/keypad',
    {
      schema: {
        body: {
          type: 'object',
          required: ['counterId', 'key'],
          properties: { counterId: { type: 'string' }, key: { enum: KEYS }, kind: { enum: ['calling', 'rating'] } },
        },
      },
    },
    async (req, reply) => {
      const key = req.body.key as KeypadKey;
      const kind = req.body.kind ?? (key.startsWith('rate-') ? 'rating' : 'calling');
      const kp = sim.keypads.find((k) => k.counterId === req.body.counterId && k.kind === kind);
      if (!kp) return reply.code(404).send({ error: { code: 'no_keypad', message: 'Không có bàn phím mô phỏng cho quầy này / No simulated keypad for this counter' } });
      kp.press(key);
      return reply.code(202).send({ ok: true });
    },
  );

  app.get('/sim/printed', async () => {
    // Tickets the printer has cut are still being written to disk: list them once they are.
    await sim.printer?.idle();
    return {
    printed: (sim.printer?.printed ?? []).map((p) => ({ seq: p.seq, at: p.at, text: p.text, qr: p.qr, png: p.pngPath, txt: p.txtPath })),
    };
  });

  app.get('/sim/displays', async () => ({ displays: Object.fromEntries(sim.displays?.shown ?? []) }));
}

