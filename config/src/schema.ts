// The shape of one centre's configuration. Every package reads its settings
// through these types; the loader turns YAML + env into a validated CenterConfig.
import { z } from 'zod';
import { DEFAULT_PRINTER_SETTING, PRINTER_MODEL_NAMES } from '@mot-cua/hardware/printer/models.ts';
import {
  bookingSchema, DEFAULT_RATING_REASONS, hhmm, id, policySchema, privacySchema, ratingReasonSchema, reportingSchema, targetsSchema, text, ticketFormatSchema, VISIT_OUTCOMES, visitsSchema, voiceSchema,
} from './schema-parts.ts';
import { procedureDocumentSchema } from './documents.ts';

// The settings' schemas are part of this module's surface as before (not the primitives).
export { bookingSchema, DEFAULT_RATING_REASONS, policySchema, privacySchema, ratingReasonSchema, reportingSchema, targetsSchema, ticketFormatSchema, VISIT_OUTCOMES, visitsSchema, voiceSchema };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const openingSpanSchema = z
  .strictObject({ open: hhmm, close: hhmm })
  // Compared only when both are well formed; a malformed time has its own message.
  .refine((s) => !HHMM.test(s.open) || !HHMM.test(s.close) || s.open < s.close, {
    message: 'giờ mở phải trước giờ đóng (open must be before close)',
    path: ['close'],
  });

const weekday = z.array(openingSpanSchema).default([]);
export const hoursSchema = z.strictObject({
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: weekday,
  sat: weekday,
  sun: weekday,
  /** Public holidays (YYYY-MM-DD) when the centre is closed. */
  closedDates: z
    .array(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD (date as YYYY-MM-DD)')
        .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'ngày không có thật (no such date)'),
    )
    .default([]),
});

export const serviceSchema = z.strictObject({
  id,
  /** Short code shown to staff, e.g. "HT". */
  code: z.string().min(1).max(16),
  name: text,
  nameEn: text.optional(),
  /** Prefix of the ticket numbers of this field: "1" gives 1001, 1002…; "A" gives A001. */
  prefix: z.string().regex(/^[A-Z0-9]{1,3}$/, 'tiền tố 1–3 ký tự A–Z hoặc 0–9 (prefix: 1–3 of A–Z, 0–9)'),
  /** Icon name the kiosk shows on the field's tile. */
  icon: z.string().max(40).default('folder'),
  /** Typical service time, used to estimate waits before there is history. */
  avgServiceMinutes: z.number().positive().max(240).default(10),
  /** Tickets a day; beyond it the kiosk says when to come back. Omit for no cap. */
  dailyCapacity: z.number().int().positive().optional(),
  /** false: no number from a phone (channel `mobile`) for this field — its procedures need the citizen in person from the start (issue 17.1). Omitted: allowed. */
  remoteQueue: z.boolean().optional(),
  /**
   * A number from the phone is called only once its holder checked in (issue 17.1); with this set, it is
   * called in its turn even before, and may not be marked no-show until this many minutes after its call.
   */
  remoteGraceMinutes: z.number().int().positive().max(120).optional(),
  /** Hours for this field when they differ from the centre's. */
  hours: hoursSchema.optional(),
  /**
   * The returns lane (quầy trả kết quả, issue 16.3): its tickets are result pickups, each for one
   * dossier the province's system says is ready. The kiosk issues them from the dossier look-up
   * ("Nhận kết quả"), not from a tile. At most one field of a centre.
   */
  returns: z.boolean().default(false),
});

export const procedureSchema = z.strictObject({
  /** Code in the national procedure database (CSDL quốc gia về TTHC), e.g. "1.001193". */
  code: z.string().regex(/^[0-9A-Za-z.\-_]{3,32}$/, 'mã TTHC không hợp lệ (bad procedure code)'),
  name: text,
  nameEn: text.optional(),
  serviceId: id,
  /** Each a plain name or `{ name, howToGet?, formName?, formUrl? }` (documents.ts). */
  documents: z.array(procedureDocumentSchema).min(1),
  /** Processing time as the procedure states it, e.g. "Trong ngày" or "05 ngày làm việc". */
  processingTime: text,
  /** Fee as stated, e.g. "Miễn phí" or "8.000 đồng/bản". */
  fee: text,
  /** The authority that settles it, as the province publishes it (cơ quan thực hiện), e.g. "UBND cấp xã". */
  agency: text.optional(),
  /** The online-service level as published (mức độ dịch vụ công), e.g. "Toàn trình" or "Một phần". */
  onlineLevel: z.string().min(1).max(100).optional(),
  /** Where the result may be received regardless of residence (không phụ thuộc địa giới hành chính). */
  anyResidence: z.boolean().default(false),
  forms: z.array(z.strictObject({ name: text, url: z.string().max(500).optional() })).default([]),
});

export const counterSchema = z.strictObject({
  id,
  number: z.number().int().positive().max(999),
  name: text,
  nameEn: text.optional(),
  serviceIds: z.array(id).min(1),
  /** A counter that takes the priority groups first. */
  priority: z.boolean().default(false),
  /** Relative preference per service for the calling policy (1 when absent). */
  weights: z.record(z.string(), z.number().positive().max(100)).default({}),
  /** What a finish records here when nobody says (the calling keypad, call-next): a results counter's is `result`; the centre's visits.defaultOutcome when absent. */
  defaultOutcome: z.enum(VISIT_OUTCOMES).optional(),
});

export const priorityCategorySchema = z.strictObject({
  id,
  name: text,
  nameEn: text.optional(),
  /** When set, a scanned ID card of someone this old or older gives this category by itself. */
  minAge: z.number().int().positive().max(130).optional(),
});

export const staffSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{2,32}$/, 'tên đăng nhập 2–32 ký tự a–z, 0–9, . _ - (username)'),
  fullName: text,
  title: z.string().max(120).default('Cán bộ một cửa'),
  role: z.enum(['staff', 'manager', 'admin']),
  /** The counter this official usually sits at, shown on the hall board. */
  counterId: id.optional(),
  phone: z.string().max(32).optional(),
});

export const satisfactionLevelSchema = z.strictObject({
  score: z.number().int().min(1).max(4),
  label: text,
  labelEn: text.optional(),
  /** Counted in the satisfied share (DOMAIN: the first two levels). */
  satisfied: z.boolean(),
});

export const printerSchema = z.strictObject({
  kind: z.enum(['simulator', 'tcp', 'serial', 'usb']).default('simulator'),
  /** host:port for tcp, a device path for serial and usb. */
  address: z.string().max(200).optional(),
  baudRate: z.number().int().positive().optional(),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  /** The printer's model (its code page table and preamble); the kiosk agent has the same default. */
  model: z.enum(PRINTER_MODEL_NAMES).default(DEFAULT_PRINTER_SETTING.model),
  /** Omitted: Vietnamese through code page 1258 where the model has it, else the text as an image. */
  textMode: z.enum(['cp1258', 'raster']).optional(),
  /** Raw ESC t number of WPC1258 read off the printer's self-test page; overrides the model's. */
  codePage: z.number().int().min(0).max(255).optional(),
});

export const deviceSchema = z.strictObject({
  id,
  kind: z.enum(['kiosk', 'board', 'counter-display', 'keypad']),
  name: text,
  /** For a counter display or keypad, the counter it belongs to. */
  counterId: id.optional(),
});

/** A device that reported its health and then says nothing for this long becomes an alert (issue 20.3); the kiosk agent reports every 30 s. */
export const DEFAULT_SILENCE_ALERT_SECONDS = 120;

export const devicesSchema = z.strictObject({
  list: z.array(deviceSchema).default([]),
  printer: printerSchema.default({ kind: 'simulator', paperWidth: 80, ...DEFAULT_PRINTER_SETTING }),
  /** Seconds without a health report after which a device that reported before is shown as silent, with a `device_silent` alert. */
  silenceAlertSeconds: z.number().int().min(1).max(86_400).default(DEFAULT_SILENCE_ALERT_SECONDS),
});

export const centerConfigSchema = z
  .strictObject({
    center: z.strictObject({
      id,
      name: text,
      nameEn: text.optional(),
      address: text,
      hotline: z.string().min(1).max(32),
      feedbackAddress: z.string().max(300).optional(),
      level: z.enum(['commune', 'district', 'province']).default('commune'),
      timezone: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
      /** Public address of the server, used in the QR printed on tickets. */
      publicUrl: z.string().url().optional(),
      notice: z.string().max(500).default(''),
      /** The notice in English, for the screens in English; the Vietnamese one when absent. */
      noticeEn: z.string().max(500).optional(),
    }),
    targets: targetsSchema.default({ waitMinutes: 15, warnWaitMinutes: 12, serviceMinutes: 30, satisfactionPct: 95, dossiersPerStaffYear: 1200 }),
    hours: hoursSchema,
    services: z.array(serviceSchema).min(1),
    procedures: z.array(procedureSchema).default([]),
    counters: z.array(counterSchema).min(1),
    priorityCategories: z.array(priorityCategorySchema).default([]),
    staff: z.array(staffSchema).default([]),
    ticketFormat: ticketFormatSchema.default({ digits: 3, pattern: '{prefix}{seq}' }),
    voice: voiceSchema.default({ template: 'Mời công dân có số thứ tự {number} đến quầy số {counter}', lang: 'vi-VN', repeat: 2, chime: true }),
    policy: policySchema.default({ kind: 'target', priorityAdvanceMinutes: 10, maxRecalls: 2 }),
    satisfactionLevels: z.array(satisfactionLevelSchema).length(4).default([
      { score: 4, label: 'Rất hài lòng', labelEn: 'Very satisfied', satisfied: true },
      { score: 3, label: 'Hài lòng', labelEn: 'Satisfied', satisfied: true },
      { score: 2, label: 'Bình thường', labelEn: 'Neutral', satisfied: false },
      { score: 1, label: 'Không hài lòng', labelEn: 'Dissatisfied', satisfied: false },
    ]),
    booking: bookingSchema.default({ earlyMinutes: 30, lateMinutes: 15 }),
    privacy: privacySchema.default({ scanRetentionDays: 1 }),
    visits: visitsSchema.default({ defaultOutcome: 'received' }),
    ratingReasons: z.array(ratingReasonSchema).max(8).default(DEFAULT_RATING_REASONS),
    reporting: reportingSchema.default({ monthStartDay: 21 }),
    devices: devicesSchema.default({ list: [], printer: { kind: 'simulator', paperWidth: 80, ...DEFAULT_PRINTER_SETTING }, silenceAlertSeconds: DEFAULT_SILENCE_ALERT_SECONDS }),
  })
  .superRefine((c, ctx) => {
    const dup = <T>(items: T[], key: (t: T) => string | number, path: string, what: string) => {
      const seen = new Set<string | number>();
      items.forEach((it, i) => {
        const k = key(it);
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, i], message: `${what} "${k}" bị trùng (duplicate ${what})` });
        seen.add(k);
      });
    };
    dup(c.services, (s) => s.id, 'services', 'id');
    dup(c.services, (s) => s.prefix, 'services', 'prefix');
    dup(c.counters, (k) => k.id, 'counters', 'id');
    dup(c.counters, (k) => k.number, 'counters', 'number');
    dup(c.priorityCategories, (p) => p.id, 'priorityCategories', 'id');
    dup(c.procedures, (p) => p.code, 'procedures', 'code');
    dup(c.staff, (s) => s.username, 'staff', 'username');
    dup(c.devices.list, (d) => d.id, 'devices', 'id');
    const services = new Set(c.services.map((s) => s.id));
    const counters = new Set(c.counters.map((k) => k.id));
    c.counters.forEach((k, i) => {
      k.serviceIds.forEach((sid, j) => {
        if (!services.has(sid)) ctx.addIssue({ code: 'custom', path: ['counters', i, 'serviceIds', j], message: `unknown service "${sid}"` });
      });
      Object.keys(k.weights).forEach((sid) => {
        if (!k.serviceIds.includes(sid))
          ctx.addIssue({ code: 'custom', path: ['counters', i, 'weights', sid], message: `service "${sid}" is not served at this counter` });
      });
    });
    c.procedures.forEach((p, i) => {
      if (!services.has(p.serviceId)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'serviceId'], message: `unknown service "${p.serviceId}"` });
    });
    c.staff.forEach((s, i) => {
      if (s.counterId && !counters.has(s.counterId))
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'counterId'], message: `unknown counter "${s.counterId}"` });
    });
    c.devices.list.forEach((d, i) => {
      if (d.counterId && !counters.has(d.counterId))
        ctx.addIssue({ code: 'custom', path: ['devices', 'list', i, 'counterId'], message: `unknown counter "${d.counterId}"` });
    });
    c.services.forEach((s, i) => {
      if (s.returns && c.services.findIndex((o) => o.returns) !== i)
        ctx.addIssue({ code: 'custom', path: ['services', i, 'returns'], message: 'chỉ một lĩnh vực trả kết quả (only one returns lane)' });
    });
    const uncovered = c.services.filter((s) => !c.counters.some((k) => k.serviceIds.includes(s.id)));
    uncovered.forEach((s) =>
      ctx.addIssue({ code: 'custom', path: ['services', c.services.indexOf(s)], message: `no counter serves "${s.id}"` }),
    );
    if (c.targets.warnWaitMinutes > c.targets.waitMinutes)
      ctx.addIssue({ code: 'custom', path: ['targets', 'warnWaitMinutes'], message: 'must not exceed targets.waitMinutes' });
    const scores = new Set(c.satisfactionLevels.map((l) => l.score));
    if (scores.size !== 4) ctx.addIssue({ code: 'custom', path: ['satisfactionLevels'], message: 'needs the scores 1, 2, 3 and 4 once each' });
  });

export type CenterConfig = z.infer<typeof centerConfigSchema>;
export type CenterConfigInput = z.input<typeof centerConfigSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type Counter = z.infer<typeof counterSchema>;
export type PriorityCategory = z.infer<typeof priorityCategorySchema>;
export type Staff = z.infer<typeof staffSchema>;
export type Hours = z.infer<typeof hoursSchema>;
export type OpeningSpan = z.infer<typeof openingSpanSchema>;
export type PrinterConfig = z.infer<typeof printerSchema>;
export type Policy = z.infer<typeof policySchema>;
export type Targets = z.infer<typeof targetsSchema>;
export type SatisfactionLevel = z.infer<typeof satisfactionLevelSchema>;
