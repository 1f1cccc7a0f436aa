// The province's store (issue 15.3): every centre's shipped event log, kept once per
// (centre id, event id), in each centre's order. SQLite (a file in DATA_DIR, for a demo)
// or PostgreSQL (DATABASE_URL), one interface, one contract suite (contract.ts).
import type { DeviceStatusSummary } from '../../domain/device-trouble.ts';
import type { StoredEvent } from '../records.ts';

export interface CentreCursor {
  centreId: string;
  /** The centre's last event id held. */
  lastId: number;
  /** When that event happened at the centre (its clock). */
  lastEventAt: number;
}

export interface ProvinceStore {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Keeps the events of a centre (ids ascending) that it does not hold yet — an id at or
   * below the centre's last one held is a resend and is skipped — in one transaction;
   * resolves with the centre's last id held after it and how many were new.
   */
  ingest(centreId: string, events: readonly StoredEvent[]): Promise<{ lastId: number; added: number }>;
  /** Each centre's last event held. */
  cursors(): Promise<CentreCursor[]>;
  /** The events of a centre's visits that arrived (first leg issued) between two local days, inclusive, in id order. */
  visitEvents(centreId: string, fromDay: string, toDay: string): Promise<StoredEvent[]>;
  /** Every event of a centre with an id above `afterId`, in id order, at most `limit` (tests, audits). */
  eventsAfter(centreId: string, afterId: number, limit: number): Promise<StoredEvent[]>;
  /** Keeps a centre's latest device summary (a summary made before the one held is ignored); resolves with whether it was kept. */
  putDeviceStatus(centreId: string, status: DeviceStatusSummary, receivedAt: number): Promise<boolean>;
  /** Each centre's latest device summary, and when the province received it. */
  deviceStatuses(): Promise<CentreDeviceStatus[]>;
  close(): Promise<void>;
}

export interface CentreDeviceStatus {
  centreId: string;
  status: DeviceStatusSummary;
  receivedAt: number;
}

/** Whether an event opens a visit (its first leg's issue): the visit's arrival day is this event's day. */
export const opensVisit = (e: StoredEvent) => e.type === 'issued' && (e.data.leg === undefined || e.data.leg === 0);
