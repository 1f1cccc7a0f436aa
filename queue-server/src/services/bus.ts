// What the services announce; the realtime adapter and metrics listen.
import { EventEmitter } from 'node:events';
import type { CenterConfig } from '@mot-cua/config';
import type { TicketRecord, Device, Alert } from '../store/index.ts';

export interface CallNotice {
  ticket: TicketRecord;
  recall: boolean;
}

export interface BusEvents {
  'ticket.issued': [TicketRecord];
  'ticket.called': [CallNotice];
  'ticket.updated': [TicketRecord];
  'counter.updated': [string];
  /** A manager moved an official to another counter (issue 13.3): their consoles follow. */
  'staff.moved': [{ username: string; fromCounterId: string; toCounterId: string }];
  /** A device's health as it is now; `silentSince` is its last report once it has gone silent, else null. */
  'device.health': [Device & { silentSince: number | null }];
  alert: [Alert];
  /** A kiosk replays what it issued offline (issue 17.4): `remaining` replays after this one (0: done). */
  'kiosk.sync': [{ deviceId: string; remaining: number }];
  /** The live centre configuration was replaced (the admin console): screens fetch /api/v1/center again. */
  'center.changed': [CenterConfig];
}

export class Bus extends EventEmitter<BusEvents> {
  /**
   * @param hold Given each announcement; calls it once what it announces is
   * durable (the store's group commit), or drops it if that write was undone.
   * Without it, announcements go out at once.
   */
  constructor(private readonly hold: ((announce: () => void) => void) | null = null) {
    super();
  }

  /** Announces `event` once the write behind it is on disk: no screen shows a ticket a crash could take back. */
  announce<K extends keyof BusEvents>(event: K, ...args: BusEvents[K]): void {
    const send = () => void (this.emit as (e: K, ...a: BusEvents[K]) => boolean)(event, ...args);
    if (this.hold) this.hold(send);
    else send();
  }
}
