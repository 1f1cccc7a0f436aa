/** Calendar helpers shared by the CCCD QR and MRZ parsers. Pure, no time-zone database needed:
 * Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export type YMD = { y: number; m: number; d: number };

/** The calendar date in Vietnam at instant `now`. */
export function vietnamToday(now: Date): YMD {
  const t = new Date(now.getTime() + VN_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isRealDate({ y, m, d }: YMD): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function compareYmd(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Full years; someone born on 29 February turns a year older on 1 March in other years. */
export function ageOn(birth: YMD, today: YMD): number {
  let age = today.y - birth.y;
  if (today.m < birth.m || (today.m === birth.m && today.d < birth.d)) age -= 1;
  return Math.max(0, age);
}

export function isoDate({ y, m, d }: YMD): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The century of birth from a 12-digit CCCD number: its 4th digit codes century and sex,
 * 0/1 for 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199 and so on (Decree 137/2015/NĐ-CP
 * art. 13). Null when the text is not such a number.
 */
export function birthCenturyFromIdNumber(id: string): number | null {
  if (!/^\d{12}$/.test(id)) return null;
  return 1900 + Math.floor(Number(id[3]) / 2) * 100;
}
