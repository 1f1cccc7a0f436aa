/**
 * Prints tickets one at a time and makes sure nobody loses one: the kiosk gets the result
 * (on failure it keeps the ticket on screen with its QR), the server is told whether it was
 * printed (a failure raises a manager alert), and the printer part reflects what happened.
 */
import type { PartStatus, PrintableBooking, PrintableTicket, PrintResult, PrinterState, TicketPrinter } from '@mot-cua/hardware';
import type { Parts } from './parts.ts';
import type { Logger, QueueClient } from './queue-client.ts';

export function printerPart(id: string, state: PrinterState): PartStatus {
  if (state === 'ok') return { id, kind: 'printer', status: 'ok' };
  if (state === 'offline') return { id, kind: 'printer', status: 'offline', detail: 'offline' };
  return { id, kind: 'printer', status: 'error', detail: state };
}

const failed = (): PrintResult => ({ ok: false, error: { code: 'failed', message: 'In phiếu không thành công / Printing failed' } });

export class PrintService {
  private queue: Promise<unknown> = Promise.resolve();
  private poller: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly printer: TicketPrinter,
    private readonly parts: Parts,
    private readonly client: QueueClient,
    private readonly deviceToken: string,
    private readonly logger: Logger,
  ) {}

  async refresh(): Promise<PrinterState> {
    const state = await this.printer.status().catch((): PrinterState => 'offline');
    this.parts.set(printerPart(this.printer.id, state));
    return state;
  }

  startPolling(ms: number): void {
    this.poller = setInterval(() => {
      this.queue = this.queue.then(() => this.refresh());
    }, ms);
    this.poller.unref();
  }

  /** One job at a time on the printer; the printer part follows its result. */
  private run(what: string, print: () => Promise<PrintResult>): Promise<PrintResult> {
    const job = async (): Promise<PrintResult> => {
      const r = await print().catch(failed);
      if (r.ok) this.parts.set(printerPart(this.printer.id, 'ok'));
      else {
        this.logger.warn(`${what} not printed: ${r.error.code}`);
        this.parts.set(printerPart(this.printer.id, r.error.code === 'failed' ? 'offline' : r.error.code));
      }
      return r;
    };
    const next = this.queue.then(job, job);
    this.queue = next;
    return next;
  }

  /** A booking slip: nothing to tell the server (the booking is kept whether it printed or not). The code is not logged. */
  printBooking(booking: PrintableBooking): Promise<PrintResult> {
    return this.run('booking slip', () => this.printer.printBooking(booking));
  }

  print(ticket: PrintableTicket): Promise<PrintResult> {
    return this.run(`ticket ${ticket.number}`, async () => {
      // the server hears of every ticket's fate, a thrown error included
      const r = await this.printer.print(ticket).catch(failed);
      void this.client.deliver(
        `/api/v1/tickets/${encodeURIComponent(ticket.id)}/print-status`,
        this.deviceToken,
        () => (r.ok ? { printed: true } : { printed: false, reason: r.error.code }),
      );
      return r;
    });
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.queue.catch(() => {});
  }
}
