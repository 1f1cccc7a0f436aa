// Dates and times as a Vietnamese centre shows them, always in its time zone.
const TZ = 'Asia/Ho_Chi_Minh';

export function hhmm(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

export function ddmmyyyy(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

/** YYYY-MM-DD of a moment, in the centre's time zone. */
export function isoDay(d: Date): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return p;
}

export function sameDay(a: Date, b: Date): boolean {
  return isoDay(a) === isoDay(b);
}
