/** A USB HID keypad through node-hid, reopened every few seconds while it is unplugged. */
import type { HIDAsync } from 'node-hid';
import { loadNodeHid } from './hid-loader.ts';
import { ReportKeypad } from './keypad.ts';
import type { KeypadModel } from './keymap.ts';

export type HidKeypadOptions = { path?: string; retryMs?: number; warn: (message: string) => void };

export class HidKeypad extends ReportKeypad {
  private device: HIDAsync | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(id: string, counterId: string, model: KeypadModel, private readonly opts: HidKeypadOptions) {
    super(id, counterId, model);
    this.current = { id, kind: 'keypad', status: 'offline', detail: 'chưa mở / not opened yet' };
  }

  async start(): Promise<void> {
    const hid = await loadNodeHid(this.opts.warn);
    if (!hid) {
      this.setStatus('error', 'node-hid không dùng được / node-hid unavailable');
      return;
    }
    try {
      const dev = this.opts.path
        ? await hid.HIDAsync.open(this.opts.path)
        : await hid.HIDAsync.open(this.model.vendorId, this.model.productId);
      if (this.closed) {
        await dev.close();
        return;
      }
      this.device = dev;
      this.setStatus('ok');
      dev.on('data', (data: Buffer) => this.onReport(data));
      dev.on('error', () => {
        this.device = null;
        void dev.close().catch(() => {});
        this.unplugged('ngắt kết nối / disconnected');
      });
    } catch (e) {
      this.unplugged(e instanceof Error ? e.message : String(e));
    }
  }

  private unplugged(detail: string): void {
    this.setStatus('offline', detail);
    if (!this.closed) this.retry = setTimeout(() => void this.start(), this.opts.retryMs ?? 5000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const d = this.device;
    this.device = null;
    await d?.close().catch(() => {});
  }
}
