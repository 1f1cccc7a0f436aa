/**
 * Validation of an AGENT_CONFIG file. Loaded only when there is such a file: zod costs the
 * simulated kiosk about 10 MB of memory for nothing.
 *
 * A file describes real devices. Nothing in it defaults to a simulator: a simulator turns on the
 * agent's /sim/* controls (inject a CCCD scan, press a counter's keys), so a device the installer
 * left out is either absent (scanners) or a config error naming its path (the printer's kind, a
 * keypad's or display's driver), and an explicit `simulator` is refused — the simulated kiosk is
 * AGENT_SIMULATE=1, which does not read the file.
 */
import { z } from 'zod';
import { DEFAULT_PRINTER_SETTING, PRINTER_MODEL_NAMES } from '@mot-cua/hardware/printer/models.ts';
import { simulatedParts, type AgentConfig } from './config.ts';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/);
const keypadKey = z.enum([
  'next', 'recall', 'no-show', 'finish', 'transfer',
  'digit-0', 'digit-1', 'digit-2', 'digit-3', 'digit-4', 'digit-5', 'digit-6', 'digit-7', 'digit-8', 'digit-9',
  'rate-1', 'rate-2', 'rate-3', 'rate-4',
  'reason-1', 'reason-2', 'reason-3', 'reason-4', 'reason-5', 'reason-6',
]);
/** An enum without a default: a missing value says what to write instead of zod's generic text. */
const chosen = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? `bắt buộc / required: ${what} (${values.filter((v) => v !== 'simulator').join(' | ')})` : undefined) });
const hexOrInt = z.union([z.number().int().nonnegative(), z.string().regex(/^0x[0-9a-fA-F]+$/).transform((s) => parseInt(s, 16))]);

export const agentConfigSchema = z.object({
  printer: z.object(
    {
      id: id.default('printer'),
      kind: chosen(['simulator', 'tcp', 'serial', 'usb'], "the printer's connection"),
      /** host:port for tcp (port 9100 if omitted), device path for serial and usb */
      address: z.string().max(200).optional(),
      baudRate: z.number().int().positive().optional(),
      paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
      /** The same default as the centre config's devices.printer: an unknown model, printed as raster. */
      model: z.enum(PRINTER_MODEL_NAMES).default(DEFAULT_PRINTER_SETTING.model),
      /** Omitted: code page 1258 where the model has one, else raster. */
      textMode: z.enum(['cp1258', 'raster']).optional(),
      /** Raw ESC t number of WPC1258 from the printer's self-test page; overrides the model's. */
      codePage: z.number().int().min(0).max(255).optional(),
      /** How long a status query may take before the printer counts as offline (default 1500 ms). */
      statusTimeoutMs: z.number().int().min(100).max(30_000).optional(),
    },
    { error: (iss) => (iss.input === undefined ? 'bắt buộc / required: the ticket printer ({ kind: tcp | serial | usb, address })' : undefined) },
  ),
  // Left out: this kiosk has no scanner.
  scanners: z
    .array(z.object({ id, kind: z.enum(['simulator', 'serial']), path: z.string().optional(), baudRate: z.number().int().positive().optional() }))
    .default([]),
  keypads: z
    .array(
      z.object({
        id,
        kind: z.enum(['calling', 'rating']),
        driver: chosen(['simulator', 'hid'], "the keypad's driver"),
        counterId: id,
        /** the keypad's device token at the queue-server */
        token: z.string().min(1),
        path: z.string().optional(),
        vendorId: hexOrInt.optional(),
        productId: hexOrInt.optional(),
        /** A rating keypad's reason keys (issue 16.5): reason-1 … the centre's rating reason ids in this order; default the centre's own order. */
        reasons: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/)).max(6).optional(),
      }),
    )
    .default([]),
  keypadModels: z
    .array(
      z.object({
        name: z.string(),
        kind: z.enum(['calling', 'rating']),
        vendorId: hexOrInt,
        productId: hexOrInt,
        keys: z.record(z.string(), keypadKey),
      }),
    )
    .default([]),
  displays: z
    .array(
      z.object({
        id,
        driver: chosen(['simulator', 'serial'], "the display's driver"),
        counterId: id,
        /** the number the display is addressed by in the LED protocol */
        counter: z.number().int().min(1).max(999),
        path: z.string().optional(),
        baudRate: z.number().int().positive().optional(),
      }),
    )
    .default([]),
  chipReaders: z
    .array(z.object({ id, driver: chosen(['simulator', 'pcsc'], "the chip reader's driver"), readerName: z.string().max(200).optional(), cscaPath: z.string().max(500).optional() }))
    .optional(),
  /** Repeated presses of one key at one counter within this window count once. */
  debounceMs: z.number().int().nonnegative().default(800),
  healthIntervalMs: z.number().int().positive().default(30_000),
  printerPollMs: z.number().int().positive().default(10_000),
  port: z.number().int().min(1).max(65535).optional(),
});

// The schema's output must be the AgentConfig the rest of the agent is written against.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Exact<z.infer<typeof agentConfigSchema>, AgentConfig> = true;
void schemaMatchesType;

/** `keypads[0].driver`, the way an installer reads a YAML path. */
const pathText = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

export function parseAgentConfig(raw: unknown, source: string): AgentConfig {
  const r = agentConfigSchema.safeParse(raw);
  const problems = r.success
    ? simulatedParts(r.data).map((path) => `${path}: "simulator" chỉ dùng với AGENT_SIMULATE=1 / only with AGENT_SIMULATE=1`)
    : r.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`);
  if (problems.length) throw new Error(`AGENT_CONFIG ${source}: ${problems.join('; ')}`);
  return r.data!;
}
