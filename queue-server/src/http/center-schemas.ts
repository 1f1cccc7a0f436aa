// The public views of the centre, as route schemas: GET /center, GET /queue and a counter
// (in /center, /counters/:id/queue and the realtime events). Fastify serialises the
// answers with them and the UIs' wire types (ui-shared/src/wire.ts) are derived from
// them, so a route and its screens cannot drift apart.

const nullable = <T extends 'string' | 'integer' | 'number' | 'boolean'>(type: T) => ({ type: [type, 'null'] as const });

/** A counter as every screen sees it (http/present.ts counterView). */
export const counterViewSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    number: { type: 'integer' },
    name: { type: 'string' },
    nameEn: { type: 'string' },
    /** The fields it serves today: the official's work profile or a manager's change, else configuredServiceIds (issue 13.3). */
    serviceIds: { type: 'array', items: { type: 'string' } },
    configuredServiceIds: { type: 'array', items: { type: 'string' } },
    priority: { type: 'boolean' },
    status: { type: 'string', enum: ['open', 'paused', 'closed'] },
    /** Whether an official is signed in there now (the estimates count only those). */
    signedIn: { type: 'boolean' },
    /** Who serves there (signed in, else who usually sits there): the hall names them. */
    staff: {
      anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, properties: { fullName: { type: 'string' }, title: { type: 'string' }, phone: nullable('string') }, required: ['fullName', 'title', 'phone'] }],
    },
    currentTicket: {
      anyOf: [
        { type: 'null' },
        { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, number: { type: 'string' }, serviceId: { type: 'string' }, status: { type: 'string' } }, required: ['id', 'number', 'serviceId', 'status'] },
      ],
    },
    /** What a finish records there when the official does not say (issue 16.1). */
    defaultOutcome: { type: 'string', enum: ['received', 'guidance', 'result', 'other'] },
  },
  required: ['id', 'number', 'name', 'nameEn', 'serviceIds', 'configuredServiceIds', 'priority', 'status', 'signedIn', 'staff', 'currentTicket', 'defaultOutcome'],
} as const;

/** A field as the kiosk's tiles and the boards show it, with its live count and the estimate for a new ticket. */
export const centerServiceSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: 'string' },
    prefix: { type: 'string' },
    icon: { type: 'string' },
    waiting: { type: 'integer' },
    estimatedWaitMinutes: nullable('integer'),
    estimatedWaitLowMinutes: nullable('integer'),
    estimatedWaitHighMinutes: nullable('integer'),
    open: { type: 'boolean' },
    opensAt: nullable('string'),
    /** The returns lane (issue 16.3): its numbers are taken from the dossier look-up, for a ready dossier. */
    returns: { type: 'boolean' },
    /** Whether a phone may take a number for it (channel `mobile`; the field's `remoteQueue`, issue 17.1). */
    remote: { type: 'boolean' },
  },
  required: ['id', 'code', 'name', 'nameEn', 'prefix', 'icon', 'returns', 'waiting', 'estimatedWaitMinutes', 'estimatedWaitLowMinutes', 'estimatedWaitHighMinutes', 'open', 'opensAt', 'remote'],
} as const;

/** GET /center. */
export const centerSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: 'string' },
    address: { type: 'string' },
    hotline: { type: 'string' },
    feedbackAddress: nullable('string'),
    notice: { type: 'string' },
    noticeEn: { type: 'string' },
    targetWaitMinutes: { type: 'number' },
    warnWaitMinutes: { type: 'number' },
    serviceTargetMinutes: { type: 'number' },
    targets: {
      type: 'object',
      additionalProperties: false,
      properties: { waitMinutes: { type: 'number' }, warnWaitMinutes: { type: 'number' }, serviceMinutes: { type: 'number' }, satisfactionPct: { type: 'number' }, dossiersPerStaffYear: { type: 'integer' } },
      required: ['waitMinutes', 'warnWaitMinutes', 'serviceMinutes', 'satisfactionPct', 'dossiersPerStaffYear'],
    },
    services: { type: 'array', items: centerServiceSchema },
    counters: { type: 'array', items: counterViewSchema },
    priorityCategories: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' }, nameEn: { type: 'string' }, minAge: nullable('integer') }, required: ['id', 'name', 'nameEn', 'minAge'] },
    },
    satisfactionLevels: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { score: { type: 'integer' }, label: { type: 'string' }, labelEn: { type: 'string' }, satisfied: { type: 'boolean' } },
        required: ['score', 'label', 'labelEn', 'satisfied'],
      },
    },
    /** Why a rating was not "satisfied": what the rating screens offer after "Bình thường" or "Không hài lòng" (issue 16.5). */
    ratingReasons: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, label: { type: 'string' }, labelEn: { type: 'string' } }, required: ['id', 'label', 'labelEn'] },
    },
    voice: {
      type: 'object',
      additionalProperties: false,
      properties: { template: { type: 'string' }, lang: { type: 'string' }, repeat: { type: 'integer' }, chime: { type: 'boolean' } },
      required: ['template', 'lang', 'repeat', 'chime'],
    },
    booking: { type: 'object', additionalProperties: false, properties: { earlyMinutes: { type: 'integer' }, lateMinutes: { type: 'integer' } }, required: ['earlyMinutes', 'lateMinutes'] },
    /** The kiosk agent's address the server was started with (KIOSK_AGENT_URL), or null. */
    kioskAgentUrl: nullable('string'),
  },
  required: [
    'id', 'name', 'nameEn', 'address', 'hotline', 'feedbackAddress', 'notice', 'noticeEn', 'targetWaitMinutes', 'warnWaitMinutes', 'serviceTargetMinutes',
    'targets', 'services', 'counters', 'priorityCategories', 'satisfactionLevels', 'ratingReasons', 'voice', 'booking', 'kioskAgentUrl',
  ],
} as const;

/** One field of GET /queue and of the realtime queue snapshots. */
export const queueItemSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    serviceId: { type: 'string' },
    waiting: { type: 'integer' },
    oldestWaitSeconds: { type: 'integer' },
    estimatedWaitMinutes: nullable('integer'),
    estimatedWaitLowMinutes: nullable('integer'),
    estimatedWaitHighMinutes: nullable('integer'),
    /** For the manager's advice only: the wait if the field's open counters had an official. */
    estimatedWaitIfStaffedMinutes: nullable('integer'),
    /** Waiting tickets the estimate calls past the closing time minus a typical service (issue 17.3). */
    mayNotBeServedToday: { type: 'integer' },
    /** The field's last close today; null where it does not open today or the centre does not enforce hours. */
    closesAt: nullable('string'),
    /** About when a number taken now would be called; null without an estimate. */
    newTicketServedAt: nullable('string'),
    /** A number taken now would probably not be reached before closing: the kiosk asks before issuing it. */
    beyondClosing: { type: 'boolean' },
  },
  required: [
    'serviceId', 'waiting', 'oldestWaitSeconds', 'estimatedWaitMinutes', 'estimatedWaitLowMinutes', 'estimatedWaitHighMinutes', 'estimatedWaitIfStaffedMinutes',
    'mayNotBeServedToday', 'closesAt', 'newTicketServedAt', 'beyondClosing',
  ],
} as const;

/** GET /queue. */
export const queueSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { time: { type: 'string' }, services: { type: 'array', items: queueItemSchema } },
  required: ['time', 'services'],
} as const;
