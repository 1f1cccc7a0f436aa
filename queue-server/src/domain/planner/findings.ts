// What the planner says plainly about a planned day: whether the configured
// counters meet the level, and where they cannot because capacity is missing —
// which no calling policy can make up for. Codes with numbers for the screens
// (they word them from their own strings), a "vi / en" message for programs.
import { hourSpans } from '@mot-cua/config/hours.ts';
import { say } from '../messages.ts';
import type { FieldPlan, HourTotal } from './planner.ts';

export type Finding =
  | { code: 'closed_day'; message: string }
  | { code: 'no_history'; message: string }
  | { code: 'capacity_gap'; hours: number[]; need: number; have: number; message: string }
  | { code: 'field_gap'; serviceId: string; hours: number[]; need: number; have: number; message: string }
  | { code: 'below_level'; withinPct: number; message: string }
  | { code: 'meets'; withinPct: number; message: string };

export const PLANNER_TEXTS = {
  closed_day: { vi: 'Ngày này trung tâm không làm việc: không có gì để lập kế hoạch.', en: 'The centre is closed that day: nothing to plan.' },
  no_history: {
    vi: 'Sổ sự kiện chưa có lượt đến nào trong 4 tuần trước ngày này: chưa lập được kế hoạch.',
    en: 'The event log has no arrivals in the 4 weeks before that day: no plan yet.',
  },
  capacity_gap: {
    vi: 'Thiếu năng lực phục vụ: lúc {hours} cần tới {need} quầy mà trung tâm chỉ có {have}. Chính sách gọi số không bù được thiếu hụt năng lực — cần thêm người, thêm quầy hoặc giãn lịch hẹn.',
    en: 'Capacity gap: at {hours} up to {need} counters are needed and the centre has {have}. No calling policy can make up for missing capacity — add staff or counters, or spread the appointments.',
  },
  field_gap: {
    vi: '{field}: lúc {hours} cần {need} quầy, chỉ {have} quầy phục vụ lĩnh vực này. Chính sách gọi số không bù được thiếu hụt năng lực — chuyển quầy sang lĩnh vực này hoặc thêm người.',
    en: '{field}: at {hours} it needs {need} counters, {have} serve it. No calling policy can make up for missing capacity — move counters to this field or add staff.',
  },
  below_level: {
    vi: 'Với các quầy như cấu hình, {within}% lượt được gọi trong {target} phút (mục tiêu {level}%).',
    en: 'With the counters as configured, {within}% are called within {target} minutes (aim {level}%).',
  },
  meets: { vi: 'Các quầy như cấu hình đủ cho ngày này: {within}% lượt được gọi trong {target} phút.', en: 'The counters as configured suffice: {within}% are called within {target} minutes.' },
} as const;

export interface FindingsInput {
  open: boolean;
  historyDays: number;
  fields: readonly FieldPlan[];
  totals: readonly HourTotal[];
  withinPct: number | null;
  levelPct: number;
  targetWaitMinutes: number;
  nameOf: (serviceId: string) => string;
}

export function findingsOf(p: FindingsInput): Finding[] {
  if (!p.open) return [{ code: 'closed_day', message: say(PLANNER_TEXTS.closed_day) }];
  if (p.historyDays === 0) return [{ code: 'no_history', message: say(PLANNER_TEXTS.no_history) }];
  const out: Finding[] = [];
  const short = p.totals.filter((t) => t.needed > t.counters);
  if (short.length) {
    const hours = short.map((t) => t.hour);
    const need = Math.max(...short.map((t) => t.needed));
    const have = short[0]!.counters;
    out.push({ code: 'capacity_gap', hours, need, have, message: say(PLANNER_TEXTS.capacity_gap, { hours: hourSpans(hours), need, have }) });
  }
  for (const f of p.fields) {
    const gap = f.hours.filter((h) => h.needed > h.configured);
    if (!gap.length) continue;
    const hours = gap.map((h) => h.hour);
    const need = Math.max(...gap.map((h) => h.needed));
    const have = gap[0]!.configured;
    out.push({ code: 'field_gap', serviceId: f.serviceId, hours, need, have, message: say(PLANNER_TEXTS.field_gap, { field: p.nameOf(f.serviceId), hours: hourSpans(hours), need, have }) });
  }
  if (p.withinPct !== null) {
    const params = { within: p.withinPct, target: p.targetWaitMinutes, level: p.levelPct };
    if (p.withinPct < p.levelPct) out.push({ code: 'below_level', withinPct: p.withinPct, message: say(PLANNER_TEXTS.below_level, params) });
    else if (!out.length) out.push({ code: 'meets', withinPct: p.withinPct, message: say(PLANNER_TEXTS.meets, { within: p.withinPct, target: p.targetWaitMinutes }) });
  }
  return out;
}
