// The shapes of queue-server/API.md the boards read.
import type { Center, CounterView, QueueItem, StaffTicket as WireStaffTicket } from '@mot-cua/ui-shared/wire.ts';

// The centre, its counters and the queue come from the server's route schemas (ui-shared/src/wire.ts).
export type { QueueItem };

export interface Call {
  ticketId: string;
  number: string;
  serviceId: string;
  counterId: string;
  counterNumber: number;
  calledAt: string;
  recall: boolean;
  announcement?: string;
}

export interface Staff {
  fullName: string;
  title: string;
  phone?: string | null;
}

/** A counter as the boards see it: the server's counter view. */
export type LiveCounter = CounterView;

/** The part of a staff ticket (the server's schema) the boards read. */
export type StaffTicket = Pick<WireStaffTicket, 'id' | 'number' | 'serviceId' | 'status' | 'priorityCategoryId' | 'issuedAt' | 'waitSeconds' | 'visitWaitSeconds' | 'counterId'>;

export interface StatsRow {
  key: string;
  name?: string;
  issued: number;
  served: number;
  noShow: number;
  /** Still open when their day closed: issued, not served (reports). */
  expired?: number;
  waiting?: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  withinTargetPct: number | null;
  avgServiceSeconds: number | null;
  withinServiceTargetPct?: number | null;
  satisfactionPct: number | null;
  dossiersPerYear?: number | null;
  /** What the finishes achieved (reports, issue 16.1). */
  dossiersReceived?: number;
  dossiersPerStaffYear?: number | null;
  avgReceptionSeconds?: number | null;
  guidanceOnlyPct?: number | null;
}

/** A procedure's row of a report: how often its visits ended in guidance only. */
export interface ProcedureRow {
  key: string;
  name: string;
  withOutcome: number;
  dossiersReceived: number;
  guidanceOnly: number;
  guidanceOnlyPct: number | null;
}

export interface HourRow {
  hour: number;
  arrivals: number;
  served?: number;
  avgWaitSeconds: number | null;
}

export interface Stats {
  issued: number;
  served: number;
  noShow: number;
  cancelled?: number;
  /** Visits not finished yet (waiting, called or being served). */
  open?: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  maxWaitSeconds?: number | null;
  withinTargetPct: number | null;
  avgServiceSeconds: number | null;
  withinServiceTargetPct?: number | null;
  ratings?: number;
  satisfactionPct: number | null;
  byService: StatsRow[];
  byCounter: StatsRow[];
  byStaff: StatsRow[];
  byHour?: HourRow[];
}

export interface DevicePart {
  id: string;
  kind: string;
  status: 'ok' | 'warning' | 'error' | 'offline';
  detail?: string;
}

export interface Device {
  deviceId: string;
  name: string;
  kind: string;
  lastSeenAt: string | null;
  /** Its last report, once it has said nothing for the centre's silence (devices.silenceAlertSeconds); else null. */
  silentSince?: string | null;
  parts: DevicePart[];
}

export interface Alert {
  kind: string;
  message: string;
  at: string;
  deviceId?: string | null;
}

export interface StateSnapshot {
  time: string;
  queue: QueueItem[];
  counters: LiveCounter[];
  recentCalls: Call[];
  waiting?: StaffTicket[];
  stats?: Stats;
  devices?: Device[];
}

/** GET /center. */
export type CenterInfo = Center;
