// The staffing planner's answer (GET/POST /api/v1/manage/planner, queue-server/API.md).
// The server's own types (type-only: nothing of the server reaches the bundle), so the page and the route cannot drift.
import type { PlannerAnswer } from '@mot-cua/ui-shared/wire.ts';

export type Plan = PlannerAnswer;
export type PlanCell = Plan['fields'][number]['hours'][number];

/** Consecutive hours as spans: [8, 9, 14] → "8:00–10:00, 14:00–15:00" (as the server words them). */
export function hourSpans(hours: readonly number[]): string {
  const spans: [number, number][] = [];
  for (const h of [...hours].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last[1] === h) last[1] = h + 1;
    else spans.push([h, h + 1]);
  }
  return spans.map(([a, b]) => `${a}:00–${b}:00`).join(', ');
}
