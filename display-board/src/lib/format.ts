// Figures as the manager reads them: minutes with one decimal, shares as whole percents.
export function minutesOf(seconds: number | null | undefined, lang: 'vi' | 'en'): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  return (seconds / 60).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

export function pctOf(value: number | null | undefined, lang: 'vi' | 'en'): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
}
