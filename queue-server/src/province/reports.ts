// The province's reports (issue 15.3): a month (21st → 20th), quarter, year or range over
// every centre — the province's total, then a row per centre and per district — or one
// centre's, by field and counter; the same KPIs, report rows, columns and CSV/XLSX writers
// as a centre's reports (reports/). Officials appear nowhere: the centres ship pseudonyms.
import { computeStats, type DomainEvent, type GroupStats, type Stats } from '../domain/index.ts';
import type { Period } from '../reports/period.ts';
import { COLUMNS, reportRow, type ReportRow } from '../reports/report.ts';
import type { Table } from '../reports/export.ts';
import type { ProvinceStore } from '../store/province/port.ts';
import { kpiOptions } from './board.ts';
import type { Registry, RegistryCentre } from './registry.ts';

export interface ProvinceReport {
  province: string;
  /** Set for one centre's report. */
  centre: { id: string; name: string; district: string } | null;
  period: Period;
  targets: Registry['targets'];
  total: ReportRow;
  byCentre: ReportRow[];
  byDistrict: ReportRow[];
  byService: ReportRow[];
  byCounter: ReportRow[];
}

const asGroup = (key: string, s: Stats): GroupStats => ({
  key, issued: s.issued, served: s.served, noShow: s.noShow, expired: s.expired, avgWaitSeconds: s.avgWaitSeconds, p90WaitSeconds: s.p90WaitSeconds,
  withinTargetPct: s.withinTargetPct, avgServiceSeconds: s.avgServiceSeconds, withinServiceTargetPct: s.withinServiceTargetPct, ratings: s.ratings,
  satisfactionPct: s.satisfactionPct, dossiersReceived: s.dossiersReceived, guidanceOnly: s.guidanceOnly, withOutcome: s.withOutcome,
  avgReceptionSeconds: s.avgReceptionSeconds, staffCount: s.staffCount,
});

/** Several centres' events folded together: their ids made unique by the centre's. */
const tagged = (centreId: string, events: DomainEvent[]): DomainEvent[] =>
  events.map((e) => ({ ...e, ticketId: `${centreId}/${e.ticketId}`, visitId: `${centreId}/${e.visitId}`, actor: e.actor && `${centreId}/${e.actor}` }));

export async function provinceReport(store: ProvinceStore, registry: Registry, period: Period, only: RegistryCentre | null): Promise<ProvinceReport> {
  const o = kpiOptions(registry);
  const centres = only ? [only] : registry.centres;
  const perCentre = await Promise.all(centres.map(async (c) => ({ c, events: tagged(c.id, await store.visitEvents(c.id, period.from, period.to)) })));
  const row = (key: string, name: string, events: DomainEvent[]) => reportRow(asGroup(key, computeStats(events, o)), name, period.days);
  const all = perCentre.flatMap((x) => x.events);
  const districts = [...new Set(centres.map((c) => c.district))].sort((a, b) => a.localeCompare(b, 'vi'));
  const whole = only ? computeStats(all, o) : null;
  return {
    province: registry.name,
    centre: only ? { id: only.id, name: only.name, district: only.district } : null,
    period,
    targets: registry.targets,
    total: row(only ? only.id : 'tinh', only ? only.name : registry.name, all),
    byCentre: only ? [] : perCentre.map(({ c, events }) => row(c.id, c.name, events)),
    byDistrict: only ? [] : districts.map((d) => row(d, d, perCentre.filter((x) => x.c.district === d).flatMap((x) => x.events))),
    byService: whole ? whole.byService.map((g) => reportRow(g, g.key, period.days)) : [],
    byCounter: whole ? whole.byCounter.map((g) => reportRow(g, g.key, period.days)) : [],
  };
}

/** The report's sections as the CSV/XLSX writers take them, with the centre's report columns. */
export function reportTables(r: ProvinceReport): Table[] {
  const t = (title: string, rows: ReportRow[]): Table => ({ title, head: COLUMNS.map((c) => c.title), rows: rows.map((x) => COLUMNS.map((c) => c.value(x))) });
  return r.centre
    ? [t('Toàn trung tâm', [r.total]), t('Theo lĩnh vực', r.byService), t('Theo quầy', r.byCounter)]
    : [t('Toàn tỉnh', [r.total]), t('Theo huyện', r.byDistrict), t('Theo trung tâm', r.byCentre)];
}

export const reportHeading = (r: ProvinceReport) => `${r.centre ? `${r.centre.name} (${r.centre.district})` : r.province} — ${r.period.label} (${r.period.from} → ${r.period.to})`;
