// JSON schemas shared by routes: validation, serialisation and the OpenAPI document come from these.
import { TICKET_STATUSES, CHANNELS } from '../domain/index.ts';
import { OUTCOMES } from '../domain/outcome.ts';

// Generic, so the type stays a literal tuple and json-schema-to-ts (ui-shared's wire types) can read it.
const nullable = <T extends 'string' | 'integer' | 'boolean'>(type: T) => ({ type: [type, 'null'] as const });

/** POST /tickets: what a kiosk, a phone or a counter sends to take a number (the bench's bare baseline validates the same). */
export const issueBody = {
  type: 'object',
  additionalProperties: false,
  required: ['serviceId'],
  properties: {
    serviceId: { type: 'string', minLength: 1, maxLength: 64 },
    priorityCategoryId: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
    channel: { type: 'string', enum: [...CHANNELS] },
    identityQr: { type: 'string', maxLength: 1000 },
    kioskId: { type: 'string', minLength: 1, maxLength: 64 },
    procedureCode: { type: 'string', minLength: 1, maxLength: 32 },
    /** A result pickup in the returns lane (issue 16.3): the ready dossier's code. */
    dossierCode: { type: 'string', minLength: 1, maxLength: 40 },
    lang: { type: 'string', enum: ['vi', 'en'] },
    /** A number from the phone (issue 17.1): the holder's phone number, for the per-phone limits; kept as a keyed hash for the day only, never shown. */
    phone: { type: 'string', minLength: 1, maxLength: 20 },
    /** The documents the citizen has ("có"), as indexes into the procedure's list (issue 16.2); needs procedureCode. */
    preparation: {
      type: 'object',
      additionalProperties: false,
      required: ['have'],
      properties: { have: { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'integer', minimum: 0, maximum: 99 } } },
    },
    /** The declaration form prefilled from the CCCD scan, as the citizen checked it; personal (see API.md). Needs procedureCode. */
    declaration: {
      type: 'object',
      additionalProperties: false,
      required: ['fullName', 'source'],
      properties: {
        fullName: { type: 'string', minLength: 1, maxLength: 200 },
        dateOfBirth: { type: ['string', 'null'], pattern: '^\\d{2}/\\d{2}/\\d{4}$' },
        gender: { type: ['string', 'null'], enum: ['Nam', 'Nữ', null] },
        idNumber: { type: ['string', 'null'], pattern: '^(\\d{9}|\\d{12})$' },
        address: { type: ['string', 'null'], maxLength: 500 },
        ethnicity: { type: 'string', maxLength: 100 },
        religion: { type: 'string', maxLength: 100 },
        placeOfOrigin: { type: 'string', maxLength: 500 },
        source: { type: 'string', enum: ['qr', 'mrz', 'chip'] },
      },
    },
  },
} as const;

const guideProps = { name: { type: 'string' }, howToGet: { type: 'string' }, formName: { type: 'string' }, formUrl: { type: 'string' } } as const;

/** GET /tickets/:id/checklist: the documents the citizen has and what to do for the missing ones (no personal data). */
export const checklistSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    procedureCode: { type: 'string' },
    procedureName: { type: 'string' },
    procedureNameEn: nullable('string'),
    total: { type: 'integer' },
    have: { type: 'integer' },
    documents: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { ...guideProps, have: { type: 'boolean' } }, required: ['name', 'have'] } },
    missing: { type: 'array', items: { type: 'object', additionalProperties: false, properties: guideProps, required: ['name'] } },
  },
  required: ['procedureCode', 'procedureName', 'total', 'have', 'documents', 'missing'],
} as const;

/** GET /tickets/:id/preparation: the checklist and the prefilled declaration (the official serving it, the issuing kiosk). */
export const preparationSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...checklistSchema.properties,
    declaration: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, properties: issueBody.properties.declaration.properties, required: ['fullName', 'source'] }] },
  },
  required: [...checklistSchema.required, 'declaration'],
} as const;

/**
 * POST /tickets/:id/check-in: when the holder checks in from the phone, the key of the ticket's QR (`?k=`)
 * and `e`, the code shown at the entrance (six digits); a kiosk needs neither.
 */
export const checkInBody = {
  type: 'object',
  additionalProperties: false,
  properties: { k: { type: 'string', minLength: 1, maxLength: 64 }, e: { type: 'string', pattern: '^[0-9]{6}$' } },
} as const;

/** POST …/transfer: the field the citizen is sent to (a ticket's own route and a counter's current ticket). */
export const transferBody = {
  type: 'object',
  additionalProperties: false,
  required: ['serviceId'],
  properties: { serviceId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/**
 * POST …/finish: what the visit achieved (issue 16.1). No body, or no outcome, records the
 * counter's default outcome; a dossier code goes with a dossier received or a result returned.
 */
export const finishBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    outcome: { type: 'string', enum: [...OUTCOMES] },
    dossierCode: { type: 'string', minLength: 1, maxLength: 32 },
  },
} as const;

/** A finish with no body at all (a keypad, an older client) is a finish with the counter's default: validated as `{}`. */
export const noBodyIsEmpty = async (req: { body: unknown }) => {
  req.body ??= {};
};

/** POST …/rating: 4 = rất hài lòng … 1 = không hài lòng (the phone, the kiosk and the rating keypad). */
export const ratingBody = {
  type: 'object',
  additionalProperties: false,
  required: ['score'],
  properties: {
    score: { type: 'integer', minimum: 1, maximum: 4 },
    /** The visit's rating key, from the slip's QR (`?k=` of its status URL); the counter's rating keypad needs none. */
    k: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    /** Why not satisfied (the centre's ratingReasons ids), with a score that is not "satisfied" only (issue 16.5). */
    reasons: { type: 'array', maxItems: 8, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_-]*$' } },
    /** An optional short note with a score that is not satisfied (issue 16.5): trimmed, ≤ 200 characters (the service says so past it), no control characters. */
    note: { type: 'string', maxLength: 1000 },
  },
} as const;

/** What a rating answers: the ticket it landed on (a transferred visit rates its last leg) and the score. */
export const ratedReply = { type: 'object', properties: { ticketId: { type: 'string' }, score: { type: 'integer' } } } as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

export const ticketSchema = {
  $id: 'Ticket',
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    serviceId: { type: 'string' },
    serviceName: { type: 'string' },
    status: { type: 'string', enum: [...TICKET_STATUSES] },
    /** Public views say only this ("ưu tiên"); the group is for staff and the ticket's holder. */
    priority: { type: 'boolean' },
    priorityCategoryId: nullable('string'),
    channel: { type: 'string', enum: [...CHANNELS] },
    issuedAt: { type: 'string', format: 'date-time' },
    calledAt: nullable('string'),
    counterId: nullable('string'),
    counterNumber: nullable('integer'),
    peopleAhead: { type: 'integer' },
    estimatedWaitMinutes: nullable('integer'),
    /** The range around the estimate ("khoảng 12–18 phút"), both null where one figure is shown. */
    estimatedWaitLowMinutes: nullable('integer'),
    estimatedWaitHighMinutes: nullable('integer'),
    /** The estimate calls it past its field's closing time minus a typical service: it may not be served today (issue 17.3). */
    beyondClosing: { type: 'boolean' },
    /** Its field's last close today, for the warning ("quầy đóng lúc 17:00"); null where there is none to say. */
    closesAt: nullable('string'),
    statusUrl: { type: 'string' },
    /** false: a number from the phone whose holder has not checked in at the centre yet ("chưa đến", issue 17.1); it is not called meanwhile. */
    checkedIn: { type: 'boolean' },
    printed: nullable('boolean'),
    rated: { type: 'boolean' },
    transferredTo: nullable('string'),
    /** Issued by a kiosk from its lease while the server was unreachable (issue 17.4); `syncedAt`: when its replay arrived. */
    offline: { type: 'boolean' },
    syncedAt: nullable('string'),
  },
  required: ['id', 'number', 'serviceId', 'status', 'issuedAt', 'peopleAhead', 'estimatedWaitMinutes', 'statusUrl'],
} as const;

export const staffTicketSchema = {
  $id: 'StaffTicket',
  type: 'object',
  properties: {
    ...ticketSchema.properties,
    waitSeconds: { type: 'integer' },
    visitWaitSeconds: { type: 'integer' },
    callCount: { type: 'integer' },
    procedureCode: nullable('string'),
    /** A result pickup's dossier (issue 16.3), so the official can have the result ready; null for other tickets. */
    dossierCode: nullable('string'),
    citizen: { anyOf: [{ type: 'null' }, { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } }] },
    /** How the priority group was established: `scan` (a CCCD shows the age), `staff` (issued at the counter), `self` (only claimed: the official checks), null (none). */
    priorityDeclared: { type: ['string', 'null'], enum: ['scan', 'staff', 'self', null] },
  },
} as const;

export const ref = (id: string) => ({ $ref: `${id}#` });

/** The error responses a route can give, for the OpenAPI document. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ref('Error')]));

export const idParam = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } },
  required: ['id'],
} as const;

/** The fields a counter serves today (PUT /counters/:counterId/services). */
export const counterFieldsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['serviceIds'],
  properties: { serviceIds: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 64 } } },
} as const;

/** A manager moves an official (POST /counters/:counterId/move). */
export const moveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['toCounterId'],
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, toCounterId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_-]*$' } },
} as const;

export const counterParam = {
  type: 'object',
  properties: { counterId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_-]*$' } },
  required: ['counterId'],
} as const;

/** A local calendar day, YYYY-MM-DD (the pattern catches the shape; `isRealDay` catches 31 February). */
export const daySchema = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' } as const;
export const isRealDay = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** A report's period and format in the query string (a centre's /reports, the province's /province/reports). */
export const reportQueryProperties = {
  period: { type: 'string', enum: ['month', 'quarter', 'year', 'range'] },
  date: daySchema,
  from: daySchema,
  to: daySchema,
  format: { type: 'string', enum: ['json', 'csv', 'xlsx'] },
} as const;
