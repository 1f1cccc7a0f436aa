// What a citizen prepared at the kiosk for their visit (issue 16.2): the checklist for
// anyone with the ticket (the phone page), the prefilled declaration only for the official
// calling or serving it (the kiosk that made it holds its own copy until the citizen leaves).
import type { RoutePlugin } from './context.ts';
import { checklistSchema, errors, idParam, preparationSchema } from './schemas.ts';
import { staffOnly } from './guards.ts';

export const preparationRoutes: RoutePlugin = async (app, { ctx }) => {
  const { queue } = ctx;

  app.get(
    '/tickets/:id/checklist',
    {
      schema: {
        summary: "The documents the citizen has for the ticket's procedure, and what to do for the missing ones",
        tags: ['tickets'],
        params: idParam,
        response: { 200: checklistSchema, ...errors(400, 404) },
      },
    },
    async (req) => queue.preparations.checklist(req.params.id),
  );

  app.get(
    '/tickets/:id/preparation',
    {
      preHandler: staffOnly,
      schema: {
        summary: 'The checklist and the declaration prefilled from the CCCD (only the official whose counter is calling or serving the ticket)',
        tags: ['counter'],
        params: idParam,
        response: { 200: preparationSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => queue.preparations.full(req.params.id, req.actor),
  );
};
