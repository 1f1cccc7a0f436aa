// The report request the server expects: GET /api/v1/reports?period=…&date=…|from=…&to=…[&format=…]
import { API_BASE } from '@mot-cua/ui-shared/api.ts';

export type Period = 'month' | 'quarter' | 'year' | 'range';

export interface ReportRequest {
  period: Period;
  date: string;
  from: string;
  to: string;
}

/** The report's address under the API (what `api()` takes). */
export function reportPath(r: ReportRequest, format?: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ period: r.period });
  if (r.period === 'range') {
    q.set('from', r.from);
    q.set('to', r.to);
  } else q.set('date', r.date);
  if (format) q.set('format', format);
  return `/reports?${q.toString()}`;
}

/** The report's full address (a link to download the export). */
export function reportUrl(r: ReportRequest, format?: 'csv' | 'xlsx'): string {
  return API_BASE + reportPath(r, format);
}

/** Today's date in the centre's time zone, as YYYY-MM-DD. */
export function localDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
