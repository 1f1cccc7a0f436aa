// What the services announce; the realtime adapter and metrics listen.
import { EventEmitter } from 'node:events';
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
  'device.health': [Device];
  alert: [Alert];
}

export class Bus extends EventEmitter<BusEvents> {}
