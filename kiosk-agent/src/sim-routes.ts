/** Simulator controls over HTTP, registered only when the agent runs simulated devices. */
import type { FastifyInstance } from 'fastify';
import { CHIP_SIM_MODES, VirtualChip, bacInputFromMrz, makeChipPki, seventyYearOld, virtualCard, type ChipPki, type ChipSimMode, type KeypadKey } from '@mot-cua/hardware';
import type { ChipService } from './chip.ts';
import type { Devices } from './devices.ts';
import type { PrintService } from './print-service.ts';

const KEYS = [
  'next', 'recall', 'no-show', 'finish', 'transfer', 'rate-1', 'rate-2', 'rate-3', 'rate-4',
  ...Array.from({ length: 10 }, (_, d) => `digit-${d}`),
];

const NO_CHIP_READER = { error: { code: 'no_chip_reader', message: 'Không có đầu đọc thẻ chip mô phỏng / No simulated chip reader' } };

export async function simRoutes(app: FastifyInstance, opts: { devices: Devices; printService: PrintService; chips?: ChipService[] }): Promise<void> {
  const { sim } = opts.devices;
  let pki: ChipPki | null = null;

  // Lays a virtual CCCD on the simulated chip reader: a citizen `ageYears` old (default 70), the chip in `mode`.
  // key 'typed' (default): the card's MRZ fields are given as an official would type them; 'none': no key, as with no MRZ scanned.
  app.post<{ Body: { mode?: ChipSimMode; ageYears?: number; key?: 'typed' | 'none'; remove?: boolean } }>(
    '/sim/chip',
    {
      schema: {
        body: {
          type: 'object',
          properties: { mode: { enum: [...CHIP_SIM_MODES] }, ageYears: { type: 'integer', minimum: 0, maximum: 120 }, key: { enum: ['typed', 'none'] }, remove: { type: 'boolean' } },
        },
      },
    },
    async (req, reply) => {
      const reader = sim.chipReader;
      const chip = opts.chips?.find((c) => c.id === reader?.id);
      if (!reader || !chip) return reply.code(404).send(NO_CHIP_READER);
      if (req.body.remove) {
        reader.remove();
        return reply.code(202).send({ ok: true });
      }
      if (!reader.connected) return reply.code(409).send({ error: { code: 'chip_reader_unplugged', message: 'Đầu đọc thẻ chip mô phỏng đang bị rút / The simulated chip reader is unplugged' } });
      const now = new Date();
      const person = seventyYearOld(now);
      const years = req.body.ageYears ?? 70;
      if (years !== 70) {
        const birth = `${now.getUTCFullYear() - years}${person.dateOfBirth.slice(4)}`;
        Object.assign(person, { dateOfBirth: birth, idNumber: `001${Number(birth.slice(0, 4)) >= 2000 ? 3 : 1}${birth.slice(2, 4)}012345` });
      }
      const card = virtualCard(person);
      if ((req.body.key ?? 'typed') === 'typed') chip.useKey(bacInputFromMrz(card.mrz));
      pki ??= makeChipPki();
      const read = new Promise((resolve) => chip.once('scan', resolve));
      reader.place(new VirtualChip(card, req.body.mode ?? 'normal', pki));
      await read;
      return reply.code(202).send({ ok: true });
    },
  );

  // Pulls the simulated chip reader out of the kiosk (connected: false) or plugs it back in; its health follows.
  app.post<{ Body: { connected: boolean } }>(
    '/sim/chip-reader',
    { schema: { body: { type: 'object', required: ['connected'], properties: { connected: { type: 'boolean' } } } } },
    async (req, reply) => {
      const reader = sim.chipReader;
      if (!reader) return reply.code(404).send(NO_CHIP_READER);
      if (req.body.connected) reader.plug();
      else reader.unplug();
      return { status: reader.status() };
    },
  );

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

