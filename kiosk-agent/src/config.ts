/**
 * The agent's own configuration: which devices this kiosk PC drives and how to reach them.
 * From a YAML file (AGENT_CONFIG, validated by `config-schema.ts`) for real devices, or all
 * simulators. Field documentation: README.md.
 */
import { readFile } from 'node:fs/promises';
import type { KeypadKey } from '@mot-cua/hardware/keypad/keymap.ts';
import type { PrinterSetting, TextMode } from '@mot-cua/hardware/printer/models.ts';

export type AgentConfig = {
  /** model, textMode and codePage: see PrinterSetting (the model's code page table, raster where unknown). */
  printer: PrinterSetting & {
    id: string;
    kind: 'simulator' | 'tcp' | 'serial' | 'usb';
    address?: string | undefined;
    baudRate?: number | undefined;
    paperWidth: 58 | 80;
    /** How long a status query (DLE EOT) may take before the printer counts as offline. */
    statusTimeoutMs?: number | undefined;
  };
  scanners: { id: string; kind: 'simulator' | 'serial'; path?: string | undefined; baudRate?: number | undefined }[];
  keypads: {
    id: string;
    kind: 'calling' | 'rating';
    driver: 'simulator' | 'hid';
    counterId: string;
    token: string;
    path?: string | undefined;
    vendorId?: number | undefined;
    productId?: number | undefined;
    reasons?: string[] | undefined;
  }[];
  keypadModels: { name: string; kind: 'calling' | 'rating'; vendorId: number; productId: number; keys: Record<string, KeypadKey> }[];
  displays: {
    id: string;
    driver: 'simulator' | 'serial';
    counterId: string;
    counter: number;
    path?: string | undefined;
    baudRate?: number | undefined;
  }[];
  /** Contactless readers for the CCCD chip (PC/SC); left out: none. cscaPath: PEM file of the CSCA certificates the document signer must chain to. */
  chipReaders?: { id: string; driver: 'simulator' | 'pcsc'; readerName?: string | undefined; cscaPath?: string | undefined }[] | undefined;
  debounceMs: number;
  healthIntervalMs: number;
  printerPollMs: number;
  /** The agent's HTTP + WebSocket port on 127.0.0.1 (AGENT_PORT wins; default 8181). */
  port?: number | undefined;
};

/**
 * Demo: six counters `quay-1`…`quay-6`, each with a calling keypad, a rating keypad and an LED
 * display; the virtual printer is an Epson (WPC1258 at ESC t 52).
 */
export function simulatedConfig(textMode: TextMode = 'cp1258'): AgentConfig {
  const counters = [1, 2, 3, 4, 5, 6];
  return {
    printer: { id: 'printer', kind: 'simulator', paperWidth: 80, model: 'epson', textMode },
    scanners: [{ id: 'scanner', kind: 'simulator' }],
    keypads: counters.flatMap((n) => [
      { id: `keypad-${n}`, kind: 'calling' as const, driver: 'simulator' as const, counterId: `quay-${n}`, token: `demo-keypad-${n}` },
      { id: `rating-${n}`, kind: 'rating' as const, driver: 'simulator' as const, counterId: `quay-${n}`, token: `demo-keypad-${n}` },
    ]),
    keypadModels: [],
    displays: counters.map((n) => ({ id: `display-${n}`, driver: 'simulator' as const, counterId: `quay-${n}`, counter: n })),
    chipReaders: [{ id: 'chip-reader', driver: 'simulator' }],
    debounceMs: 800,
    healthIntervalMs: 30_000,
    printerPollMs: 10_000,
  };
}

/** The config paths of every simulated part (`printer.kind`, `keypads[2].driver`, …): none is allowed without AGENT_SIMULATE=1. */
export function simulatedParts(config: AgentConfig): string[] {
  return [
    ...(config.printer.kind === 'simulator' ? ['printer.kind'] : []),
    ...config.scanners.flatMap((s, i) => (s.kind === 'simulator' ? [`scanners[${i}].kind`] : [])),
    ...config.keypads.flatMap((k, i) => (k.driver === 'simulator' ? [`keypads[${i}].driver`] : [])),
    ...config.displays.flatMap((d, i) => (d.driver === 'simulator' ? [`displays[${i}].driver`] : [])),
    ...(config.chipReaders ?? []).flatMap((c, i) => (c.driver === 'simulator' ? [`chipReaders[${i}].driver`] : [])),
  ];
}

export async function loadAgentConfig(path: string): Promise<AgentConfig> {
  const [{ parse }, { parseAgentConfig }] = await Promise.all([import('yaml'), import('./config-schema.ts')]);
  return parseAgentConfig(parse(await readFile(path, 'utf8')), path);
}
