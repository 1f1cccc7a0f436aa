// The staffing planner's answer (GET/POST /api/v1/manage/planner, queue-server/API.md).
export interface PlanCell {
  hour: number;
  arrivals: number;
  needed: number;
  erlang: number;
  configured: number;
  withinPct: number | null;
}

export interface Plan {
  date: string;
  targetWaitMinutes: number;
  levelPct: number;
  hours: number[];
  history: { from: string; to: string; days: number };
  fields: { serviceId: string; arrivalsPerDay: number; serviceMin: number; serviceMeasured: boolean; withinPct: number | null; hours: PlanCell[] }[];
  totals: { hour: number; arrivals: number; needed: number; neededByField: number; erlang: number; counters: number; withinPct: number | null }[];
  withinPct: number | null;
  findings: ({ code: 'closed_day' | 'no_history' } | { code: 'capacity_gap'; hours: number[]; need: number; have: number } | { code: 'field_gap'; serviceId: string; hours: number[]; need: number; have: number } | { code: 'below_level' | 'meets'; withinPct: number })[];
  changes: { counterId: string; serviceIds: string[] }[];
}

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
