// What the UIs read from and send to the queue-server, derived from the
// server's own route schemas (queue-server/src/http/schemas.ts): a route and
// its clients cannot drift apart. Type-only imports, so nothing of the server
// reaches a browser bundle.
import type { FromSchema } from 'json-schema-to-ts';
import type { errorSchema, issueBody, staffTicketSchema, ticketSchema } from '@mot-cua/queue-server/http/schemas.ts';
import type { centerSchema, counterViewSchema, queueItemSchema, queueSchema } from '@mot-cua/queue-server/http/center-schemas.ts';
/** GET/POST /api/v1/manage/planner: the staffing planner's answer, as the service makes it. */
export type { PlannerAnswer } from '@mot-cua/queue-server/services/planner.service.ts';
/** GET /api/v1/province/centres: one centre's row of the province board. */
export type { CentreRow, DeviceDetail } from '@mot-cua/queue-server/province/board.ts';

/** A reply schema as the browser receives it: Fastify's serialiser drops every property the schema does not list. */
type Reply<S> = S & { readonly additionalProperties: false };

/** GET /tickets/:id, POST /tickets and every ticket in a reply or a realtime event. */
export type Ticket = FromSchema<Reply<typeof ticketSchema>>;
export type TicketStatus = Ticket['status'];
export type Channel = NonNullable<Ticket['channel']>;

/**
 * A ticket as staff see it. Its schema spreads the public ticket's properties
 * but lists none as required; the presenter (queue-server/src/http/present.ts)
 * always sends the public ones and the wait.
 */
type StaffRequired = readonly [...typeof ticketSchema.required, 'waitSeconds'];
export type StaffTicket = FromSchema<Reply<typeof staffTicketSchema> & { readonly required: StaffRequired }>;

/** POST /tickets: what a kiosk, a phone or a counter sends to take a number. */
export type IssueBody = FromSchema<typeof issueBody>;

/** Every refusal: `{ error: { code, message } }`, the message "Vietnamese / English". */
export type ErrorBody = FromSchema<typeof errorSchema>;

/** GET /center: the centre, its fields with live counts, its counters, priority groups, voice and booking windows. */
export type Center = FromSchema<typeof centerSchema>;
export type CenterService = Center['services'][number];
export type PriorityCategory = Center['priorityCategories'][number];
export type SatisfactionLevel = Center['satisfactionLevels'][number];

/** A counter as every screen sees it (in /center, /counters/:id/queue and the realtime events). */
export type CounterView = FromSchema<typeof counterViewSchema>;
export type CounterStatus = CounterView['status'];

/** GET /queue, and one field of it (also the realtime queue snapshots). */
export type QueueView = FromSchema<typeof queueSchema>;
export type QueueItem = FromSchema<typeof queueItemSchema>;
