// The staffing planner's answer (GET/POST /api/v1/manage/planner, queue-server/API.md).
// The server's own types (type-only: nothing of the server reaches the bundle), so the page and the route cannot drift.
import type { PlannerAnswer } from '@mot-cua/ui-shared/wire.ts';

export type Plan = PlannerAnswer;
export type PlanCell = Plan['fields'][number]['hours'][number];

/** The server's own wording of hours ([8, 9, 14] → "8:00–10:00, 14:00–15:00"): one function for both. */
export { hourSpans } from '@mot-cua/config/hours.ts';
