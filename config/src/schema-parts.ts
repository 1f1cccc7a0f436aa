// The settings of a centre that are plain values (ticket numbers, the call sentence,
// the policy, targets, booking windows, reporting, rating reasons, visits, privacy)
// and the primitives every schema uses; schema.ts assembles the centre from them.
import { z } from 'zod';

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'chỉ dùng chữ thường không dấu, số, "-" và "_" (lowercase letters, digits, - and _)');
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:MM (time as HH:MM)');
export const text = z.string().min(1).max(500);

/** What a visit achieved, as the official records it at the finish (queue-server/src/domain/outcome.ts keeps the same list). */
export const VISIT_OUTCOMES = ['received', 'guidance', 'result', 'other'] as const;

export const ticketFormatSchema = z.strictObject({
  /** Digits of the daily sequence after the prefix: 3 gives 1001…1999, then 11000 on. */
  digits: z.number().int().min(1).max(6).default(3),
  /** Pattern with {prefix} and {seq}; {seq} is zero-padded to `digits`. */
  pattern: z
    .string()
    .max(40)
    .refine((p) => p.includes('{seq}'), 'mẫu số phải có {seq} (pattern needs {seq})')
    .default('{prefix}{seq}'),
});

export const voiceSchema = z.strictObject({
  template: z
    .string()
    .max(300)
    .refine((t) => t.includes('{number}') && t.includes('{counter}'), 'mẫu lời gọi phải có {number} và {counter} (template needs {number} and {counter})')
    .default('Mời công dân có số thứ tự {number} đến quầy số {counter}'),
  lang: z.string().default('vi-VN'),
  /** How many times a call is spoken. */
  repeat: z.number().int().min(1).max(3).default(2),
  chime: z.boolean().default(true),
});

export const policySchema = z.strictObject({
  kind: z.enum(['fifo', 'priority', 'target']).default('target'),
  /** How much earlier a priority ticket's deadline falls, in minutes. */
  priorityAdvanceMinutes: z.number().min(0).max(120).default(10),
  /** Recalls before a called ticket may be marked no-show. */
  maxRecalls: z.number().int().min(0).max(10).default(2),
});

export const targetsSchema = z.strictObject({
  waitMinutes: z.number().positive().max(240).default(15),
  warnWaitMinutes: z.number().positive().max(240).default(12),
  serviceMinutes: z.number().positive().max(480).default(30),
  satisfactionPct: z.number().min(0).max(100).default(95),
  dossiersPerStaffYear: z.number().int().positive().default(1200),
});

export const bookingSchema = z.strictObject({
  /** How early before the booked time a citizen may check in. */
  earlyMinutes: z.number().int().min(0).max(240).default(30),
  /** How late after the booked time a check-in is still accepted. */
  lateMinutes: z.number().int().min(0).max(240).default(15),
});

export const reportingSchema = z.strictObject({
  /** Day a reporting month starts on: 21 gives the provinces' "21st to the 20th" month (An Giang); 1 gives calendar months. */
  monthStartDay: z.number().int().min(1).max(28).default(21),
});

/** Why a rating was not "satisfied" (issue 16.5): offered after "Bình thường" or "Không hài lòng". */
export const ratingReasonSchema = z.strictObject({ id, label: text, labelEn: text.optional() });
export const DEFAULT_RATING_REASONS = [
  { id: 'cho-lau', label: 'Chờ lâu', labelEn: 'Long wait' },
  { id: 'thai-do', label: 'Thái độ cán bộ chưa tốt', labelEn: 'Staff attitude' },
  { id: 'huong-dan', label: 'Hướng dẫn chưa rõ', labelEn: 'Unclear guidance' },
  { id: 'thieu-giay-to', label: 'Phải bổ sung giấy tờ', labelEn: 'Had to bring more documents' },
  { id: 'co-so-vat-chat', label: 'Cơ sở vật chất', labelEn: 'Facilities' },
];

export const visitsSchema = z.strictObject({
  /** What a finish records when the official does not say (the calling keypad's finish, call-next): tiếp nhận hồ sơ by default. */
  defaultOutcome: z.enum(VISIT_OUTCOMES).default('received'),
});

export const privacySchema = z.strictObject({
  /** Days that names and addresses from a scanned ID card are kept. */
  scanRetentionDays: z.number().int().min(0).max(3650).default(1),
});
