// The province server's API (issue 15.3; queue-server/API.md "Province server").
import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyRequest } from 'fastify';
import { computeStats, dayKey } from '../domain/index.ts';
import { reportQueryProperties } from '../http/schemas.ts';
import { reportPeriod } from '../reports/period.ts';
import { tablesToCsv, tablesToXlsx } from '../reports/export.ts';
import type { ProvinceStore } from '../store/province/port.ts';
import { SESSION_COOKIE, type ProvinceAuth, type ProvinceSession } from './auth.ts';
import { kpiOptions, type ProvinceBoard } from './board.ts';
import { provinceFail } from './messages.ts';
import { centreOfToken, type Registry } from './registry.ts';
import { provinceReport, reportHeading, reportTables } from './reports.ts';
import type { DeviceStatusSummary } from '../domain/device-trouble.ts';
import { deviceStatusSchema, eventBatchSchema, type ShippedEvent } from './wire.ts';

export interface ProvinceContext {
  store: ProvinceStore;
  registry: Registry;
  board: ProvinceBoard;
  auth: ProvinceAuth;
  demo: boolean;
  now: () => number;
}

type Plugin = FastifyPluginAsyncJsonSchemaToTs<{ Options: { p: ProvinceContext } }>;
const cookieBase = { path: '/', sameSite: 'strict' as const, secure: false };
const centreIdParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } } as const;

export const provinceRoutes: Plugin = async (app, { p }) => {
  const signedIn = async (req: FastifyRequest): Promise<ProvinceSession> => {
    const s = p.auth.session(req.cookies[SESSION_COOKIE]);
    if (!s) throw provinceFail('province_sign_in');
    return s;
  };
  const centreOfRequest = (req: FastifyRequest) => {
    const auth = req.headers.authorization ?? '';
    const centre = auth.startsWith('Bearer ') ? centreOfToken(p.registry, auth.slice(7).trim(), p.demo) : null;
    if (!centre) throw provinceFail('bad_centre_token');
    return centre;
  };
  const centreOr404 = (id: string) => {
    const c = p.board.centre(id);
    if (!c) throw provinceFail('unknown_centre');
    return c;
  };

  app.get('/health', async () => ({ status: 'ok', role: 'province', store: p.store.kind, centres: p.registry.centres.length }));

  app.post(
    '/province/events',
    { bodyLimit: 1024 * 1024, schema: { summary: "A centre's next events, in id order (Bearer: the centre's token); kept once per (centre, event id)", tags: ['province'], body: eventBatchSchema } },
    async (req) => {
      const centre = centreOfRequest(req);
      const events = req.body.events as ShippedEvent[];
      for (let i = 1; i < events.length; i++) if (events[i]!.id <= events[i - 1]!.id) throw provinceFail('events_out_of_order');
      const r = await p.store.ingest(centre.id, events);
      // The board follows after the answer: the centre's link never waits for the province's sums.
      if (r.added) void p.board.changed(centre.id, events.at(-1)!.at).catch((e: unknown) => req.log.error({ err: e }, 'province board refresh failed'));
      return r;
    },
  );

  app.post(
    '/province/devices',
    {
      schema: {
        summary: "A centre's device summary — counts of devices in warning, error, offline, by kind, and since when (Bearer: the centre's token); no device's name or id",
        tags: ['province'],
        body: deviceStatusSchema,
      },
    },
    async (req, reply) => {
      const centre = centreOfRequest(req);
      await p.board.devicesChanged(centre.id, req.body as DeviceStatusSummary);
      return reply.code(204).send();
    },
  );

  app.post(
    '/province/login',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['province'],
        body: { type: 'object', additionalProperties: false, required: ['username', 'password'], properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 200 } } },
      },
    },
    async (req, reply) => {
      const { token, session } = await p.auth.login(req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, httpOnly: true, maxAge: 12 * 3600 });
      return { user: { username: session.username, role: session.role, displayName: session.displayName } };
    },
  );
  app.post('/province/logout', async (req, reply) => {
    p.auth.logout(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieBase);
    return reply.code(204).send();
  });
  app.get('/province/me', async (req) => {
    const s = await signedIn(req);
    return { user: { username: s.username, role: s.role, displayName: s.displayName }, province: p.registry.name, targets: p.registry.targets };
  });

  app.get('/province/centres', { schema: { summary: "Every registered centre's today (the province board)", tags: ['province'] } }, async (req) => {
    await signedIn(req);
    return { centres: await p.board.rows() };
  });

  app.get('/province/centres/:id', { schema: { summary: "One centre's today: its row, by field and by hour", tags: ['province'], params: centreIdParam } }, async (req) => {
    await signedIn(req);
    const c = centreOr404(req.params.id);
    const rows = await p.board.rows();
    const day = dayKey(p.now());
    const s = computeStats(await p.store.visitEvents(c.id, day, day), kpiOptions(p.registry));
    return { centre: rows.find((r) => r.centreId === c.id)!, devices: p.board.devices(c.id), day, byService: s.byService, byHour: s.byHour, avgWaitSeconds: s.avgWaitSeconds, avgServiceSeconds: s.avgServiceSeconds, noShow: s.noShow };
  });

  app.get(
    '/province/reports',
    {
      schema: {
        summary: 'A report over every centre (or one: centre=) for a month (21st→20th), quarter, year or range; JSON, CSV or XLSX',
        tags: ['province'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...reportQueryProperties, centre: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (req, reply) => {
      await signedIn(req);
      const q = req.query;
      const period = reportPeriod(q, dayKey(p.now()), p.registry.monthStartDay);
      const report = await provinceReport(p.store, p.registry, period, q.centre ? centreOr404(q.centre) : null);
      const file = `bao-cao-${q.centre ?? 'tinh'}-${period.from}-${period.to}`;
      if (q.format === 'csv') {
        reply.header('content-disposition', `attachment; filename="${file}.csv"`).type('text/csv; charset=utf-8');
        const t = report.targets;
        return tablesToCsv([reportHeading(report), `Chỉ tiêu: chờ ≤ ${t.waitMinutes} phút; phục vụ ≤ ${t.serviceMinutes} phút; hài lòng ≥ ${t.satisfactionPct}%`], reportTables(report));
      }
      if (q.format === 'xlsx') {
        reply.header('content-disposition', `attachment; filename="${file}.xlsx"`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return Buffer.from(tablesToXlsx(reportHeading(report), reportTables(report)));
      }
      return report;
    },
  );
};
