// "Opens at" text for a closed field: time only when it is today.
import { ddmmyyyy, hhmm, sameDay } from './format.ts';

export function opensText(opensAt: string | null, now: Date, t: (k: 'opensAt' | 'opensAtDay' | 'closedNoTime', p?: Record<string, string>) => string): string {
  if (!opensAt) return t('closedNoTime');
  const d = new Date(opensAt);
  if (Number.isNaN(d.getTime())) return t('closedNoTime');
  return sameDay(d, now) ? t('opensAt', { time: hhmm(d) }) : t('opensAtDay', { time: hhmm(d), date: ddmmyyyy(d) });
}
