// How a waiting ticket's age reads against the centre's targets.
export type WaitLevel = 'ok' | 'warn' | 'late';

export function waitLevel(waitSeconds: number, targetMinutes: number, warnMinutes?: number): WaitLevel {
  if (waitSeconds > targetMinutes * 60) return 'late';
  if (warnMinutes !== undefined && waitSeconds > warnMinutes * 60) return 'warn';
  return 'ok';
}

/** Whole minutes waited, counting from a server figure and the seconds since it was read. */
export function minutesWaited(waitSecondsAtRead: number, readAtMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((waitSecondsAtRead + Math.max(0, nowMs - readAtMs) / 1000) / 60));
}
