/**
 * The ticket printer as the kiosk agent sees it: check the state, send the ticket, check again.
 * Real printers and the virtual printer sit behind the same transport, so the agent and the
 * tests drive the same bytes either way.
 */
import { renderBooking, renderTicket, type RenderOptions } from './render.ts';
import { stateFromStatus, STATE_MESSAGES, type PrinterState } from './status.ts';
import type { PrintableBooking, PrintableTicket } from './ticket.ts';
import type { PrinterTransport } from './transport/transport.ts';

export type PrintErrorCode = 'paper_out' | 'cover_open' | 'offline' | 'failed';

export type PrintResult = { ok: true } | { ok: false; error: { code: PrintErrorCode; message: string } };

export interface TicketPrinter {
  readonly id: string;
  status(): Promise<PrinterState>;
  print(ticket: PrintableTicket): Promise<PrintResult>;
  /** A booking slip: checked before and after like a ticket. */
  printBooking(booking: PrintableBooking): Promise<PrintResult>;
  close(): Promise<void>;
}

export function printError(code: PrintErrorCode): PrintResult {
  return { ok: false, error: { code, message: STATE_MESSAGES[code] } };
}

export class EscPosPrinter implements TicketPrinter {
  constructor(
    readonly id: string,
    private readonly transport: PrinterTransport,
    private readonly render: RenderOptions,
    private readonly statusTimeoutMs = 1500,
  ) {}

  async status(): Promise<PrinterState> {
    const printer = await this.transport.query(1, this.statusTimeoutMs);
    if (printer === null) return 'offline';
    if (!this.transport.bidirectional) return 'ok';
    const offlineCause = await this.transport.query(2, this.statusTimeoutMs);
    const paper = await this.transport.query(4, this.statusTimeoutMs);
    return stateFromStatus({ printer, offlineCause, paper });
  }

  print(ticket: PrintableTicket): Promise<PrintResult> {
    return this.job(() => renderTicket(ticket, this.render));
  }

  printBooking(booking: PrintableBooking): Promise<PrintResult> {
    return this.job(() => renderBooking(booking, this.render));
  }

  private async job(bytes: () => Uint8Array): Promise<PrintResult> {
    try {
      const before = await this.status();
      if (before !== 'ok') return printError(before);
      await this.transport.write(bytes());
      // The paper can run out or the cable come loose during the job.
      const after = await this.status();
      return after === 'ok' ? { ok: true } : printError(after);
    } catch {
      return printError('offline');
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
