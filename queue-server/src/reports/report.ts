// A report for one period: the centre, then per field, counter and official,
// each row against the targets (wait, service time, productivity).
import type { CenterConfig } from '@mot-cua/config';
import type { GroupStats, ProcedureStats, Stats, WaitBand } from '../domain/index.ts';
import type { Period } from './period.ts';

export interface ReportRow extends GroupStats {
  name: string;
  /** Served transactions scaled to a year (365 / the period's days). */
  dossiersPerYear: number;
  /** Dossiers received, scaled to a year and divided by the officials who served in the row (an official's row: theirs alone); against targets.dossiersPerStaffYear. */
  dossiersPerStaffYear: number | null;
  /** Mean reception minutes per dossier received (call → finish), against 30. */
  minutesPerDossier: number | null;
  /** Of the finishes with an outcome, the share that were guidance only (%). */
  guidanceOnlyPct: number | null;
}

/** A procedure's row: how often its visits ended in guidance only — the ones that most often send people home for a paper come first. */
export interface ProcedureRow extends ProcedureStats {
  name: string;
}

export interface Report {
  center: { id: string; name: string };
  period: Period;
  targets: { waitMinutes: number; serviceMinutes: number; satisfactionPct: number; dossiersPerStaffYear: number };
  rows: { center: ReportRow[]; byService: ReportRow[]; byCounter: ReportRow[]; byStaff: ReportRow[] };
  procedures: ProcedureRow[];
  /** Why ratings were not "satisfied", most given first, by the centre's reason names (issue 16.5). */
  reasons: { key: string; name: string; ratings: number }[];
  /** Satisfaction by the visit's wait, and the band from which it falls below the target (null: it never does, or too few ratings). */
  waitBands: WaitBand[];
  satisfactionBreaksAtMinutes: number | null;
}

/** Ratings a wait band needs before its satisfaction is read against the target. */
export const MIN_BAND_RATINGS = 5;

const perYear = (served: number, days: number) => Math.round((served * 365) / Math.max(1, days));
const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

/** A KPI group as a report's row, scaled to the period's days. */
export function reportRow(g: GroupStats, name: string, days: number): ReportRow {
  return {
    ...g,
    name,
    dossiersPerYear: perYear(g.served, days),
    dossiersPerStaffYear: g.staffCount ? Math.round(perYear(g.dossiersReceived, days) / g.staffCount) : null,
    minutesPerDossier: minutes(g.avgReceptionSeconds),
    guidanceOnlyPct: pct(g.guidanceOnly, g.withOutcome),
  };
}

/** Display names for the keys of KPI groups: fields, counters, officials. */
export function groupNamer(config: CenterConfig, staffNames: Map<string, string>) {
  return {
    service: (id: string) => config.services.find((s) => s.id === id)?.name ?? id,
    counter: (id: string) => {
      const c = config.counters.find((x) => x.id === id);
      return c ? `Quầy ${c.number} — ${c.name}` : id;
    },
    staff: (username: string) => staffNames.get(username) ?? username,
  };
}

export function buildReport(config: CenterConfig, period: Period, stats: Stats, staffNames: Map<string, string>): Report {
  const names = groupNamer(config, staffNames);
  const center = reportRow(
    {
      key: config.center.id,
      issued: stats.issued,
      served: stats.served,
      noShow: stats.noShow,
      expired: stats.expired,
      avgWaitSeconds: stats.avgWaitSeconds,
      p90WaitSeconds: stats.p90WaitSeconds,
      withinTargetPct: stats.withinTargetPct,
      avgServiceSeconds: stats.avgServiceSeconds,
      withinServiceTargetPct: stats.withinServiceTargetPct,
      ratings: stats.ratings,
      satisfactionPct: stats.satisfactionPct,
      dossiersReceived: stats.dossiersReceived,
      guidanceOnly: stats.guidanceOnly,
      withOutcome: stats.withOutcome,
      avgReceptionSeconds: stats.avgReceptionSeconds,
      staffCount: stats.staffCount,
    },
    config.center.name,
    period.days,
  );
  return {
    center: { id: config.center.id, name: config.center.name },
    period,
    targets: {
      waitMinutes: config.targets.waitMinutes,
      serviceMinutes: config.targets.serviceMinutes,
      satisfactionPct: config.targets.satisfactionPct,
      dossiersPerStaffYear: config.targets.dossiersPerStaffYear,
    },
    rows: {
      center: [center],
      byService: stats.byService.map((g) => reportRow(g, names.service(g.key), period.days)),
      byCounter: stats.byCounter.map((g) => reportRow(g, names.counter(g.key), period.days)),
      byStaff: stats.byStaff.map((g) => reportRow(g, names.staff(g.key), period.days)),
    },
    procedures: stats.byProcedure.map((p) => ({ ...p, name: config.procedures.find((x) => x.code === p.key)?.name ?? p.key })),
    reasons: stats.byReason.map((r) => ({ ...r, name: config.ratingReasons.find((x) => x.id === r.key)?.label ?? r.key })),
    waitBands: stats.byWaitBand,
    satisfactionBreaksAtMinutes:
      stats.byWaitBand.find((b) => b.ratings >= MIN_BAND_RATINGS && b.satisfactionPct !== null && b.satisfactionPct < config.targets.satisfactionPct)?.fromMinutes ?? null,
  };
}

/** Column titles (Vietnamese, as the province's forms use) and how to read each cell. */
export const COLUMNS: { title: string; value: (r: ReportRow) => string | number | null }[] = [
  { title: 'Mã', value: (r) => r.key },
  { title: 'Tên', value: (r) => r.name },
  { title: 'Số phiếu cấp', value: (r) => r.issued },
  { title: 'Đã phục vụ', value: (r) => r.served },
  { title: 'Vắng mặt', value: (r) => r.noShow },
  { title: 'Chờ TB (phút)', value: (r) => minutes(r.avgWaitSeconds) },
  { title: 'Chờ P90 (phút)', value: (r) => minutes(r.p90WaitSeconds) },
  { title: 'Trong chỉ tiêu chờ (%)', value: (r) => r.withinTargetPct },
  { title: 'Phục vụ TB (phút)', value: (r) => minutes(r.avgServiceSeconds) },
  { title: 'Trong chỉ tiêu phục vụ (%)', value: (r) => r.withinServiceTargetPct },
  { title: 'Lượt đánh giá', value: (r) => r.ratings },
  { title: 'Hài lòng (%)', value: (r) => r.satisfactionPct },
  { title: 'Hồ sơ/năm (quy đổi)', value: (r) => r.dossiersPerYear },
  // Last, so the columns the province's forms already read keep their places.
  { title: 'Hết ngày chưa phục vụ', value: (r) => r.expired },
  { title: 'Hồ sơ tiếp nhận', value: (r) => r.dossiersReceived },
  { title: 'Hồ sơ/cán bộ/năm (quy đổi)', value: (r) => r.dossiersPerStaffYear },
  { title: 'Phút tiếp nhận/hồ sơ', value: (r) => r.minutesPerDossier },
  { title: 'Chỉ hướng dẫn (%)', value: (r) => r.guidanceOnlyPct },
];

/** The procedures section's columns. */
export const PROCEDURE_COLUMNS: { title: string; value: (r: ProcedureRow) => string | number | null }[] = [
  { title: 'Mã thủ tục', value: (r) => r.key },
  { title: 'Tên thủ tục', value: (r) => r.name },
  { title: 'Lượt kết thúc có kết quả', value: (r) => r.withOutcome },
  { title: 'Hồ sơ tiếp nhận', value: (r) => r.dossiersReceived },
  { title: 'Chỉ hướng dẫn', value: (r) => r.guidanceOnly },
  { title: 'Chỉ hướng dẫn (%)', value: (r) => r.guidanceOnlyPct },
];

function minutes(s: number | null): number | null {
  return s === null ? null : Math.round((s / 60) * 10) / 10;
}

export const SECTIONS: { key: keyof Report['rows']; title: string }[] = [
  { key: 'center', title: 'Toàn trung tâm' },
  { key: 'byService', title: 'Theo lĩnh vực' },
  { key: 'byCounter', title: 'Theo quầy' },
  { key: 'byStaff', title: 'Theo cán bộ' },
];
