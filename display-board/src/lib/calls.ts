import type { Call } from './types.ts';

/** The newest call first, one line per ticket (a recall moves it back to the top). */
export function addCall(calls: Call[], call: Call, max = 8): Call[] {
  return [call, ...calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, max);
}

/** Calls as the snapshot gives them, newest first whatever order they came in. */
export function sortCalls(calls: Call[], max = 8): Call[] {
  const seen = new Set<string>();
  return [...calls]
    .sort((a, b) => Date.parse(b.calledAt) - Date.parse(a.calledAt))
    .filter((c) => (seen.has(c.ticketId) ? false : (seen.add(c.ticketId), true)))
    .slice(0, max);
}
