// Reports for the province's periods, as JSON, CSV or XLSX (managers).
import { dayKey } from '../domain/index.ts';
import type { RoutePlugin } from './context.ts';
import { errors, reportQueryProperties } from './schemas.ts';
import { managerOnly } from './guards.ts';
import { reportPeriod } from '../reports/period.ts';
import { buildReport } from '../reports/report.ts';
import { toCsv, toXlsx } from '../reports/export.ts';


export const reportRoutes: RoutePlugin = async (app, { ctx }) => {
  app.get(
    '/reports',
    {
      preHandler: managerOnly,
      schema: {
        summary: 'A report for a month (21st→20th by default), quarter, year or any range; JSON, CSV or XLSX',
        tags: ['manager'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: reportQueryProperties,
        },
        response: errors(400, 401, 403),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const period = reportPeriod(q, dayKey(ctx.queue.centre.now()), ctx.queue.centre.config.reporting.monthStartDay);
      const [stats, names] = await Promise.all([ctx.stats.raw(period.from, period.to), ctx.stats.staffNames()]);
      const report = buildReport(ctx.queue.centre.config, period, stats, names);
      const file = `bao-cao-${period.from}-${period.to}`;
      if (q.format === 'csv') {
        reply.header('content-disposition', `attachment; filename="${file}.csv"`).type('text/csv; charset=utf-8');
        return toCsv(report);
      }
      if (q.format === 'xlsx') {
        reply.header('content-disposition', `attachment; filename="${file}.xlsx"`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return Buffer.from(toXlsx(report));
      }
      // the notes' texts only in the JSON the reports page reads, never in the files (API.md)
      return { ...report, notes: await ctx.stats.ratingNotes(period.from, period.to) };
    },
  );
};
