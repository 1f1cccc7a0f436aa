// The staffing planner (issue 18.4), managers only: the planned day as the
// event log's last weeks predict it, and the same day with some counters'
// fields changed ("what if").
import { fail } from '../domain/messages.ts';
import type { RoutePlugin } from './context.ts';
import { managerOnly } from './guards.ts';
import { daySchema, errors, isRealDay } from './schemas.ts';

const id = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const plannerRoutes: RoutePlugin = async (app, { ctx }) => {
  const realDay = (d: string | undefined) => {
    if (d !== undefined && !isRealDay(d)) throw fail('bad_date:day', { day: d });
    return d;
  };

  app.get(
    '/manage/planner',
    {
      preHandler: managerOnly,
      schema: {
        summary: 'Counters each field needs each hour of a day (default tomorrow) for the wait target, from the last 4 weeks of arrivals, beside the configured counters and Erlang C',
        tags: ['manager'],
        querystring: { type: 'object', additionalProperties: false, properties: { date: daySchema } },
        response: errors(400, 401, 403),
      },
    },
    async (req) => ctx.planner.plan(realDay(req.query.date)),
  );

  app.post(
    '/manage/planner',
    {
      preHandler: managerOnly,
      schema: {
        summary: 'The same plan with some counters serving other fields ("what if"); nothing is changed in the centre',
        tags: ['manager'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['changes'],
          properties: {
            date: daySchema,
            changes: {
              type: 'array',
              maxItems: 100,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['counterId', 'serviceIds'],
                properties: { counterId: id, serviceIds: { type: 'array', minItems: 1, maxItems: 50, items: id } },
              },
            },
          },
        },
        response: errors(400, 401, 403),
      },
    },
    async (req) => ctx.planner.plan(realDay(req.body.date), req.body.changes),
  );
};
