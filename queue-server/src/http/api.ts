// The HTTP API v1: one encapsulated plugin per area, each with its own routes
// and schemas, under /api/v1. What every area shares (the schemas the routes
// refer to by $ref, the OpenAPI document) is installed on the whole server.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { AppContext } from './context.ts';
import { errorSchema, ticketSchema, staffTicketSchema } from './schemas.ts';
import { centerRoutes } from './center.routes.ts';
import { ticketRoutes } from './tickets.routes.ts';
import { preparationRoutes } from './preparation.routes.ts';
import { counterRoutes } from './counters.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { adminUserRoutes } from './admin-users.routes.ts';
import { adminProcedureRoutes } from './admin-procedures.routes.ts';
import { adminConfigRoutes } from './admin-config.routes.ts';
import { manageRoutes } from './manage.routes.ts';
import { bookingRoutes } from './bookings.routes.ts';
import { reportRoutes } from './reports.routes.ts';
import { notifyRoutes } from './notify.routes.ts';
import { plannerRoutes } from './planner.routes.ts';
import { kioskRoutes } from './kiosk.routes.ts';

/** The schemas routes refer to ($ref 'Ticket#', …), known to every scope (fastify-plugin). */
export const sharedSchemas = fp(
  async (app) => {
    app.addSchema(errorSchema);
    app.addSchema(ticketSchema);
    app.addSchema(staffTicketSchema);
  },
  { name: 'shared-schemas' },
);

/** The OpenAPI document at /api/docs, built from every route's schema (fastify-plugin: it must see all scopes). */
export const apiDocs = fp(
  async (app, { version }: { version: string }) => {
    await app.register(fastifySwagger, {
      openapi: {
        info: { title: 'Một cửa queue-server API', version, description: 'Tickets, counters, realtime and reports for a one-stop centre. See queue-server/API.md.' },
        tags: ['public', 'tickets', 'counter', 'auth', 'manager', 'admin', 'devices'].map((name) => ({ name })),
      },
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'api-docs', dependencies: ['shared-schemas'] },
);

/** Every area of API v1, each in its own scope. */
export async function apiV1(api: FastifyInstance, { ctx }: { ctx: AppContext }) {
  await api.register(centerRoutes, { ctx });
  await api.register(ticketRoutes, { ctx });
  await api.register(preparationRoutes, { ctx });
  await api.register(counterRoutes, { ctx });
  await api.register(authRoutes, { ctx });
  await api.register(adminUserRoutes, { ctx });
  await api.register(adminProcedureRoutes, { ctx });
  await api.register(adminConfigRoutes, { ctx });
  await api.register(manageRoutes, { ctx });
  await api.register(bookingRoutes, { ctx });
  await api.register(reportRoutes, { ctx });
  await api.register(notifyRoutes, { ctx });
  await api.register(plannerRoutes, { ctx });
  await api.register(kioskRoutes, { ctx });
}
