// Texts about time for a field: when a closed one opens, how long an open one makes you wait.
import { ddmmyyyy, hhmm, sameDay } from './format.ts';

export function opensText(opensAt: string | null, now: Date, t: (k: 'opensAt' | 'opensAtDay' | 'closedNoTime', p?: Record<string, string>) => string): string {
  if (!opensAt) return t('closedNoTime');
  const d = new Date(opensAt);
  if (Number.isNaN(d.getTime())) return t('closedNoTime');
  return sameDay(d, now) ? t('opensAt', { time: hhmm(d) }) : t('opensAtDay', { time: hhmm(d), date: ddmmyyyy(d) });
}

/**
 * Estimated wait. Empty when the server cannot estimate (no counter open for the
 * field yet), and when it says 0 while people are ahead: "no wait" would be untrue.
 */
export function waitText(
  minutes: number | null | undefined,
  ahead: number,
  t: (k: 'estimatedWait' | 'estimatedWaitNone' | 'estimatedWaitRange', p?: Record<string, number>) => string,
  range?: { low?: number | null; high?: number | null },
): string {
  if (minutes == null) return '';
  // The range the server gives where measured waits back one (issue 18.3): "Chờ khoảng 12–18 phút".
  if (range && typeof range.low === 'number' && typeof range.high === 'number' && range.high > range.low) return t('estimatedWaitRange', { lo: range.low, hi: range.high });
  if (minutes > 0) return t('estimatedWait', { n: minutes });
  return ahead > 0 ? '' : t('estimatedWaitNone');
}
