// Figures as the manager reads them: minutes with one decimal, shares as whole percents.
export function minutesOf(seconds: number | null | undefined, lang: 'vi' | 'en'): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  return (seconds / 60).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

export function pctOf(value: number | null | undefined, lang: 'vi' | 'en'): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
}

/** A day as Vietnamese write it, 2026-11-21 → 21/11/2026 (reports name their periods so). */
export function vnDate(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDay;
}
