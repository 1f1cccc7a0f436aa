// The province's reporting periods. A month runs from `startDay` of the
// previous month to the day before `startDay` of the named month (An Giang:
// the 21st to the 20th); quarters and years are built from those months.
// With startDay 1 they are calendar periods.
import { fail } from '../domain/messages.ts';
import { isRealDay } from '../http/schemas.ts';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  label: string;
  days: number;
}

const iso = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** The month (1–12, year) that a day is reported in. */
function reportingMonth(day: string, startDay: number): { y: number; m: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (startDay > 1 && d >= startDay) return m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  return { y, m };
}

/** First and last day of reporting month m of year y. */
function monthBounds(y: number, m: number, startDay: number): { from: string; to: string } {
  if (startDay === 1) return { from: iso(y, m, 1), to: iso(y, m + 1, 0) };
  return { from: iso(y, m - 1, startDay), to: iso(y, m, startDay - 1) };
}

export function periodOf(kind: Exclude<PeriodKind, 'range'>, day: string, startDay: number): Period {
  const { y, m } = reportingMonth(day, startDay);
  if (kind === 'month') {
    const b = monthBounds(y, m, startDay);
    return { kind, ...b, label: `Tháng ${m}/${y}`, days: daysBetween(b.from, b.to) };
  }
  if (kind === 'quarter') {
    const q = Math.ceil(m / 3);
    const from = monthBounds(y, q * 3 - 2, startDay).from;
    const to = monthBounds(y, q * 3, startDay).to;
    return { kind, from, to, label: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}`, days: daysBetween(from, to) };
  }
  const from = monthBounds(y, 1, startDay).from;
  const to = monthBounds(y, 12, startDay).to;
  return { kind, from, to, label: `Năm ${y}`, days: daysBetween(from, to) };
}

export function rangePeriod(from: string, to: string): Period {
  const f = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return { kind: 'range', from, to, label: `Từ ${f(from)} đến ${f(to)}`, days: daysBetween(from, to) };
}

/** The period a report query asks for: a month (21st→20th by default), quarter or year around `date` (default today), or from–to. */
export function reportPeriod(q: { period?: 'month' | 'quarter' | 'year' | 'range'; date?: string; from?: string; to?: string }, today: string, monthStartDay: number): Period {
  for (const d of [q.date, q.from, q.to]) if (d && !isRealDay(d)) throw fail('bad_date:day', { day: d });
  const kind = q.period ?? 'month';
  if (kind !== 'range') return periodOf(kind, q.date ?? today, monthStartDay);
  if (!q.from || !q.to) throw fail('range_needs_dates');
  if (q.from > q.to) throw fail('bad_range');
  return rangePeriod(q.from, q.to);
}
