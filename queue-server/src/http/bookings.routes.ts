// Bookings and dossier status: what the kiosk's look-up and check-in screens call.
import { toIso } from '../domain/index.ts';
import type { RoutePlugin } from './context.ts';
import { daySchema, errors, ref } from './schemas.ts';
import { baseUrl, heldTicket } from './present.ts';
import type { FastifyRequest } from 'fastify';
import type { Booking } from '../store/index.ts';
import { maskName } from '../services/booking.service.ts';

const codeParam = { type: 'object', properties: { code: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9-]+$' } }, required: ['code'] } as const;
const bookingSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    serviceId: { type: 'string' },
    date: { type: 'string' },
    time: { type: 'string' },
    bookedAt: { type: 'string' },
    fullName: { type: 'string' },
    status: { type: 'string' },
    ticketId: { type: ['string', 'null'] },
    remind: { type: 'boolean' },
  },
} as const;
const present = (b: Booking, fullName = b.fullName) => ({ code: b.code, serviceId: b.serviceId, date: b.day, time: b.time, bookedAt: toIso(b.bookedAt), fullName, status: b.status, ticketId: b.ticketId, remind: b.remind });

/**
 * A booking code is all a look-up or a check-in needs, so guessing codes is held back per
 * source address; a kiosk, which checks in a whole hall from one address, gets more.
 */
const codeGuesses = {
  rateLimit: {
    max: (req: FastifyRequest) => (req.actor.kind === 'device' && req.actor.deviceKind === 'kiosk' ? 120 : 20),
    timeWindow: '1 minute',
  },
};

export const bookingRoutes: RoutePlugin = async (app, { ctx }) => {
  const { bookings, dossiers, queue } = ctx;

  app.get(
    '/dossiers/:code',
    { schema: { summary: 'Dossier status by the code on the receipt', tags: ['public'], params: codeParam, response: errors(400, 404) } },
    async (req) => dossiers.status(req.params.code),
  );

  // "Hồ sơ đã có kết quả" (issue 17.2): the receipt's code and a mobile number, texted once when the dossier is ready.
  app.post(
    '/dossiers/:code/notify',
    {
      config: codeGuesses,
      schema: {
        summary: 'Text me when this dossier is ready (a mobile number; SMS or Zalo as the centre has them)',
        tags: ['public'],
        params: codeParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['phone'],
          properties: { phone: { type: 'string', maxLength: 24 }, channel: { type: 'string', enum: ['sms', 'zalo'] } },
        },
        response: { 201: { type: 'object', properties: { code: { type: 'string' }, channel: { type: 'string' } } }, ...errors(400, 404, 409, 429, 503) },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return ctx.dossierWatch.watch(req.params.code, req.body.phone, req.body.channel);
    },
  );

  app.get(
    '/bookings/slots',
    {
      schema: {
        summary: 'Bookable times of a field on a day',
        tags: ['public'],
        querystring: {
          type: 'object',
          required: ['serviceId', 'date'],
          properties: { serviceId: { type: 'string', minLength: 1, maxLength: 64 }, date: daySchema },
        },
        response: { 200: { type: 'object', properties: { slots: { type: 'array', items: { type: 'object', properties: { time: { type: 'string' }, free: { type: 'integer' } } } } } }, ...errors(400) },
      },
    },
    async (req) => ({ slots: await bookings.slots(req.query.serviceId, req.query.date) }),
  );

  app.get(
    '/bookings/days',
    {
      schema: {
        summary: 'The next days (today and the six after it) on which a field still has a free time; closed and fully past days are left out',
        tags: ['public'],
        querystring: { type: 'object', required: ['serviceId'], properties: { serviceId: { type: 'string', minLength: 1, maxLength: 64 } } },
        response: { 200: { type: 'object', properties: { days: { type: 'array', items: { type: 'object', properties: { date: { type: 'string' }, free: { type: 'integer' } } } } } }, ...errors(400) },
      },
    },
    async (req) => ({ days: await bookings.days(req.query.serviceId) }),
  );

  app.post(
    '/bookings',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        summary: 'Book a time',
        tags: ['public'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['serviceId', 'date', 'time', 'fullName', 'phone'],
          properties: {
            serviceId: { type: 'string', minLength: 1, maxLength: 64 },
            date: daySchema,
            time: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
            fullName: { type: 'string', minLength: 2, maxLength: 100, pattern: '\\S' },
            phone: { type: 'string', pattern: '^[0-9 +().-]{8,20}$' },
            /** A text the day before and an hour before (issue 17.2): a mobile number and the centre's SMS or Zalo needed. */
            remind: { type: 'boolean' },
          },
        },
        response: { 201: bookingSchema, ...errors(400, 409, 429) },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return present(await bookings.create(req.body));
    },
  );

  app.get(
    '/bookings/:code',
    {
      config: codeGuesses,
      schema: { summary: 'A booking, its name masked (Nguyễn V. A.)', tags: ['public'], params: codeParam, response: { 200: bookingSchema, ...errors(400, 404, 429) } },
    },
    async (req) => {
      const b = await bookings.get(req.params.code);
      return present(b, maskName(b.fullName));
    },
  );

  app.post(
    '/bookings/:code/check-in',
    {
      config: codeGuesses,
      schema: { summary: 'Check in for a booking: an appointment ticket near the booked time', tags: ['public'], params: codeParam, response: { 201: ref('Ticket'), ...errors(400, 404, 409, 429) } },
    },
    async (req, reply) => {
      const t = await bookings.checkIn(req.params.code);
      reply.code(201);
      return heldTicket(queue, t, baseUrl(queue, req));
    },
  );
};
