// What a centre tells its province about its devices (issue 15.3, "devices in trouble"):
// counts only — how many devices are in service, how many are in warning, error or
// offline (each counted once, by its worst state), the same by kind of device, the parts
// reported not ok by kind of part, and since when the longest current trouble has lasted.
// No device's id or name, no counter, no detail text: nothing of the centre's configuration
// and nothing a person typed leaves the centre.

export const DEVICE_KINDS = ['kiosk', 'board', 'counter-display', 'keypad', 'other'] as const;
export const PART_KINDS = ['printer', 'scanner', 'keypad', 'display'] as const;
export type DeviceKindName = (typeof DEVICE_KINDS)[number];
export type PartKindName = (typeof PART_KINDS)[number];

export interface TroubleCounts {
  /** Devices in service (not revoked). */
  total: number;
  /** Of them: a part in warning, nothing worse. */
  warning: number;
  /** A part in error or offline (the device still reports). */
  error: number;
  /** The device itself has gone silent. */
  offline: number;
}

export interface DeviceStatusSummary {
  /** When the centre made the summary (its clock). */
  at: number;
  devices: TroubleCounts;
  /** By kind of device, the kinds the centre has. */
  byKind: (TroubleCounts & { kind: DeviceKindName })[];
  /** Parts reported not ok, by kind of part (kinds with none left out). */
  parts: { kind: PartKindName; warning: number; error: number; offline: number }[];
  /** When the oldest trouble still going on began (null: no device in trouble). */
  since: number | null;
}

/** A device as the centre's device service sees it (DeviceState), the fields read here. */
export interface DeviceLike {
  id: string;
  kind: string;
  revokedAt: number | null;
  lastSeenAt: number | null;
  silentSince: number | null;
  parts: readonly { kind: string; status: 'ok' | 'warning' | 'error' | 'offline' }[];
}

export interface OpenAlertLike {
  deviceId: string | null;
  kind: string;
  at: number;
}

type State = 'ok' | 'warning' | 'error' | 'offline';

function stateOf(d: DeviceLike): State {
  if (d.silentSince !== null) return 'offline';
  if (d.parts.some((p) => p.status === 'error' || p.status === 'offline')) return 'error';
  if (d.parts.some((p) => p.status === 'warning')) return 'warning';
  return 'ok';
}

const kindOf = (k: string): DeviceKindName => ((DEVICE_KINDS as readonly string[]).includes(k) ? (k as DeviceKindName) : 'other');
const empty = (): TroubleCounts => ({ total: 0, warning: 0, error: 0, offline: 0 });
const add = (c: TroubleCounts, s: State) => {
  c.total++;
  if (s !== 'ok') c[s]++;
};

/**
 * The summary of the centre's devices at `now`. A device's trouble began when it went
 * silent (its last report), else at the oldest open alert of one of its bad parts' kinds
 * (device_printer, …), else — no alert kept, a device past its alert cap — at its last report.
 */
export function deviceTrouble(devices: readonly DeviceLike[], openAlerts: readonly OpenAlertLike[], now: number): DeviceStatusSummary {
  const all = empty();
  const byKind = new Map<DeviceKindName, TroubleCounts>();
  const parts = new Map<PartKindName, { warning: number; error: number; offline: number }>();
  let since: number | null = null;
  for (const d of devices) {
    if (d.revokedAt !== null) continue;
    const s = stateOf(d);
    add(all, s);
    const k = kindOf(d.kind);
    add(byKind.get(k) ?? byKind.set(k, empty()).get(k)!, s);
    for (const p of d.parts) {
      if (p.status === 'ok' || !(PART_KINDS as readonly string[]).includes(p.kind)) continue;
      const pk = p.kind as PartKindName;
      (parts.get(pk) ?? parts.set(pk, { warning: 0, error: 0, offline: 0 }).get(pk)!)[p.status]++;
    }
    if (s === 'ok') continue;
    let began: number;
    if (s === 'offline') began = d.silentSince!;
    else {
      const kinds = new Set(d.parts.filter((p) => p.status !== 'ok').map((p) => `device_${p.kind}`));
      const ats = openAlerts.filter((a) => a.deviceId === d.id && kinds.has(a.kind)).map((a) => a.at);
      began = ats.length ? Math.min(...ats) : (d.lastSeenAt ?? now);
    }
    since = since === null ? began : Math.min(since, began);
  }
  return {
    at: now,
    devices: all,
    byKind: DEVICE_KINDS.filter((k) => byKind.has(k)).map((k) => ({ kind: k, ...byKind.get(k)! })),
    parts: PART_KINDS.filter((k) => parts.has(k)).map((k) => ({ kind: k, ...parts.get(k)! })),
    since,
  };
}

/** Devices in trouble: warning, error or offline. */
export const inTrouble = (c: TroubleCounts): number => c.warning + c.error + c.offline;

/** The same summary but for when it was made: whether there is news to send. */
export const sameTrouble = (a: DeviceStatusSummary | null, b: DeviceStatusSummary): boolean =>
  a !== null && JSON.stringify({ ...a, at: 0 }) === JSON.stringify({ ...b, at: 0 });
