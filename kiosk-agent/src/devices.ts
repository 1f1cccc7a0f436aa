/** Builds this kiosk's devices from the agent config: real drivers or their simulators. */
import {
  EscPosPrinter,
  HidKeypad,
  PcscChipReader,
  SimulatedChipReader,
  type ChipReader,
  LedDisplaySimulator,
  SerialLedDisplay,
  SerialScanner,
  SerialTransport,
  SimulatedKeypad,
  SimulatedScanner,
  TcpTransport,
  UsbFileTransport,
  VirtualPrinter,
  findModel,
  hasReasonKeys,
  renderOptionsFor,
  memoryLine,
  openSerialPort,
  type Keypad,
  type KeypadModel,
  type LedDisplay,
  type PrinterTransport,
  type Scanner,
  type TicketPrinter,
} from '@mot-cua/hardware';
import type { AgentConfig } from './config.ts';
import type { Logger } from './queue-client.ts';

export type Devices = {
  printer: TicketPrinter;
  scanners: Scanner[];
  keypads: Keypad[];
  /** Ids of the rating keypads whose model has reason keys (issue 16.5). */
  reasonKeyed: Set<string>;
  displays: LedDisplay[];
  chipReaders: ChipReader[];
  /** present only for simulated devices */
  sim: {
    printer: VirtualPrinter | null;
    scanners: Map<string, SimulatedScanner>;
    keypads: SimulatedKeypad[];
    displays: LedDisplaySimulator | null;
    chipReader: SimulatedChipReader | null;
  };
  close(): Promise<void>;
};

export async function createDevices(config: AgentConfig, dataDir: string, logger: Logger): Promise<Devices> {
  const closers: (() => Promise<void>)[] = [];
  const pc = config.printer;
  const render = renderOptionsFor(pc, pc.paperWidth);

  let virtualPrinter: VirtualPrinter | null = null;
  let transport: PrinterTransport;
  if (pc.kind === 'simulator') {
    // The virtual printer behaves like the configured model's firmware.
    virtualPrinter = new VirtualPrinter({
      dataDir,
      paperWidth: pc.paperWidth,
      ...(render.codePage === undefined ? {} : { cp1258Page: render.codePage }),
      marksInOwnCell: render.marksInOwnCell === true,
    });
    const { port } = await virtualPrinter.listenTcp(0);
    transport = new TcpTransport(`127.0.0.1:${port}`, 1000);
    const vp = virtualPrinter;
    closers.push(() => vp.close());
  } else if (!pc.address) {
    throw new Error(`printer.address is required for a ${pc.kind} printer`);
  } else if (pc.kind === 'tcp') transport = new TcpTransport(pc.address);
  else if (pc.kind === 'serial') transport = new SerialTransport(pc.address, pc.baudRate ?? 9600);
  else transport = new UsbFileTransport(pc.address);
  const printer = new EscPosPrinter(pc.id, transport, render, pc.statusTimeoutMs);
  closers.unshift(() => printer.close());

  const scanners: Scanner[] = [];
  const simScanners = new Map<string, SimulatedScanner>();
  for (const s of config.scanners) {
    if (s.kind === 'simulator') {
      const sc = new SimulatedScanner(s.id);
      simScanners.set(s.id, sc);
      scanners.push(sc);
    } else {
      if (!s.path) throw new Error(`scanner ${s.id}: path is required`);
      const sc = new SerialScanner(s.id, { path: s.path, baudRate: s.baudRate ?? 9600 });
      await sc.start();
      scanners.push(sc);
    }
  }

  const extraModels: KeypadModel[] = config.keypadModels.map((m) => ({
    ...m,
    keys: Object.fromEntries(Object.entries(m.keys).map(([usage, key]) => [Number(usage), key])),
  }));
  const keypads: Keypad[] = [];
  const reasonKeyed = new Set<string>();
  const simKeypads: SimulatedKeypad[] = [];
  for (const k of config.keypads) {
    const model = findModel(k.vendorId ?? -1, k.productId ?? -1, k.kind, extraModels);
    if (k.kind === 'rating' && hasReasonKeys(model)) reasonKeyed.add(k.id);
    if (k.driver === 'simulator') {
      const kp = new SimulatedKeypad(k.id, k.counterId, model);
      simKeypads.push(kp);
      keypads.push(kp);
    } else {
      const kp = new HidKeypad(k.id, k.counterId, model, { path: k.path, warn: (m) => logger.warn(m) });
      await kp.start();
      keypads.push(kp);
    }
  }

  const displays: LedDisplay[] = [];
  let displaySim: LedDisplaySimulator | null = null;
  for (const d of config.displays) {
    if (d.driver === 'simulator') {
      displaySim ??= new LedDisplaySimulator();
      const [host, device] = memoryLine();
      displaySim.attach(device);
      displays.push(new SerialLedDisplay(d.id, d.counter, { open: async () => host }));
    } else {
      if (!d.path) throw new Error(`display ${d.id}: path is required`);
      displays.push(new SerialLedDisplay(d.id, d.counter, { open: () => openSerialPort(d.path!, d.baudRate ?? 9600) }));
    }
  }

  const chipReaders: ChipReader[] = [];
  let chipSim: SimulatedChipReader | null = null;
  for (const c of config.chipReaders ?? []) {
    if (c.driver === 'simulator') {
      chipSim ??= new SimulatedChipReader(c.id);
      chipReaders.push(chipSim);
    } else {
      const r = new PcscChipReader(c.id, { ...(c.readerName ? { readerName: c.readerName } : {}), warn: (m) => logger.warn(m) });
      await r.start();
      chipReaders.push(r);
    }
  }

  return {
    printer,
    scanners,
    keypads,
    reasonKeyed,
    displays,
    chipReaders,
    sim: { printer: virtualPrinter, scanners: simScanners, keypads: simKeypads, displays: displaySim, chipReader: chipSim },
    close: async () => {
      for (const d of [...scanners, ...keypads, ...displays, ...chipReaders]) await d.close().catch(() => {});
      for (const c of closers) await c().catch(() => {});
    },
  };
}
