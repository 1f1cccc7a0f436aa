// Public reads: health, the centre, procedures, the queue.
import { documentGuide, documentName } from '@mot-cua/config/documents.ts';
import type { Procedure } from '@mot-cua/config';
import { matchesQuery } from '@mot-cua/config/text.ts';
import { toIso } from '../domain/index.ts';
import { fail } from '../domain/messages.ts';
import type { RoutePlugin } from './context.ts';
import { errors } from './schemas.ts';
import { baseUrl, counterView } from './present.ts';
import { deviceOnly } from './guards.ts';
import { centerSchema, queueSchema } from './center-schemas.ts';

const procedureSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: 'string' },
    serviceId: { type: 'string' },
    /** The documents' names, as always. */
    documents: { type: 'array', items: { type: 'string' } },
    /** The same documents with what to do when one is missing (issue 16.2): where to get it, which form. */
    documentGuides: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, howToGet: { type: 'string' }, formName: { type: 'string' }, formUrl: { type: 'string' } },
        required: ['name'],
      },
    },
    processingTime: { type: 'string' },
    fee: { type: 'string' },
    anyResidence: { type: 'boolean' },
    forms: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string' } } } },
  },
} as const;

/** A procedure as the kiosk reads it: the documents' names, and their guidance beside them. */
const procedureView = (p: Procedure) => ({ ...p, documents: p.documents.map(documentName), documentGuides: p.documents.map(documentGuide) });

export const centerRoutes: RoutePlugin = async (app, { ctx }) => {
  const { queue } = ctx;

  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness',
        tags: ['public'],
        response: { 200: { type: 'object', properties: { status: { type: 'string' }, version: { type: 'string' }, store: { type: 'string' }, time: { type: 'string' } } } },
      },
    },
    async () => {
      await ctx.store.ping();
      return { status: 'ok', version: ctx.version, store: ctx.store.kind, time: toIso(queue.centre.now()) };
    },
  );

  app.get('/center', { schema: { summary: 'The centre: fields, counters, priority groups, voice, booking windows', tags: ['public'], response: { 200: centerSchema } } }, async () => {
    // The live configuration, read at each request: the admin console replaces it with no restart.
    const cfg = queue.centre.config;
    const summary = new Map(queue.estimates.queueSummary().map((s) => [s.serviceId, s]));
    return {
      id: cfg.center.id,
      name: cfg.center.name,
      nameEn: cfg.center.nameEn ?? cfg.center.name,
      address: cfg.center.address,
      hotline: cfg.center.hotline,
      feedbackAddress: cfg.center.feedbackAddress ?? null,
      notice: cfg.center.notice,
      noticeEn: cfg.center.noticeEn ?? cfg.center.notice,
      targetWaitMinutes: cfg.targets.waitMinutes,
      warnWaitMinutes: cfg.targets.warnWaitMinutes,
      serviceTargetMinutes: cfg.targets.serviceMinutes,
      targets: cfg.targets,
      services: cfg.services.map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        nameEn: s.nameEn ?? s.name,
        prefix: s.prefix,
        icon: s.icon,
        returns: s.returns,
        waiting: summary.get(s.id)?.waiting ?? 0,
        estimatedWaitMinutes: summary.get(s.id)?.estimatedWaitMinutes ?? null,
        estimatedWaitLowMinutes: summary.get(s.id)?.estimatedWaitLowMinutes ?? null,
        estimatedWaitHighMinutes: summary.get(s.id)?.estimatedWaitHighMinutes ?? null,
        ...queue.issue.availability(s),
        remote: s.remoteQueue !== false,
      })),
      counters: cfg.counters.map((c) => counterView(ctx, c.id)),
      priorityCategories: cfg.priorityCategories.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn ?? p.name, minAge: p.minAge ?? null })),
      satisfactionLevels: cfg.satisfactionLevels.map((l) => ({ score: l.score, label: l.label, labelEn: l.labelEn ?? l.label, satisfied: l.satisfied })),
      ratingReasons: cfg.ratingReasons.map((r) => ({ id: r.id, label: r.label, labelEn: r.labelEn ?? r.label })),
      voice: cfg.voice,
      booking: cfg.booking,
      kioskAgentUrl: ctx.kioskAgentUrl,
    };
  });

  app.get(
    '/procedures',
    {
      schema: {
        summary: 'Procedures (TTHC); q ignores diacritics and case',
        tags: ['public'],
        querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 200 }, serviceId: { type: 'string', maxLength: 64 } } },
        response: { 200: { type: 'object', properties: { procedures: { type: 'array', items: procedureSchema } } }, ...errors(400) },
      },
    },
    async (req) => {
      const q = req.query.q ?? '';
      const cfg = queue.centre.config;
      const procedures = cfg.procedures.filter(
        (p) => (!req.query.serviceId || p.serviceId === req.query.serviceId) && matchesQuery(`${p.name} ${p.nameEn ?? ''} ${p.code}`, q),
      );
      return { procedures: procedures.map(procedureView) };
    },
  );

  app.get(
    '/procedures/:code',
    {
      schema: {
        summary: 'One procedure',
        tags: ['public'],
        params: { type: 'object', properties: { code: { type: 'string', maxLength: 32 } }, required: ['code'] },
        response: { 200: procedureSchema, ...errors(404) },
      },
    },
    async (req) => {
      const p = queue.centre.config.procedures.find((x) => x.code === req.params.code);
      if (!p) throw fail('not_found:procedure', { id: req.params.code });
      return procedureView(p);
    },
  );

  app.get(
    '/queue',
    {
      schema: {
        summary: 'Waiting count, oldest wait and the estimate for a new ticket, per field',
        tags: ['public'],
        response: { 200: queueSchema },
      },
    },
    async () => ({ time: toIso(queue.centre.now()), services: queue.estimates.queueSummary() }),
  );

  // The code shown at the entrance for a phone's check-in (issue 17.1): for the screens that show
  // it (a kiosk, a hall board or the entrance screen with a board's token), never public nor to an account.
  app.get(
    '/entrance-code',
    {
      preHandler: deviceOnly,
      schema: {
        summary: 'The code at the entrance a phone checks in with (a kiosk or board device); it changes every 10 minutes',
        tags: ['devices'],
        response: {
          200: { type: 'object', properties: { code: { type: 'string' }, url: { type: 'string' }, changesAt: { type: 'string' }, validUntil: { type: 'string' } } },
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      if (req.actor.kind === 'device' && req.actor.deviceKind !== 'kiosk' && req.actor.deviceKind !== 'board') throw fail('forbidden:device');
      const c = queue.entrance.current();
      return { code: c.code, url: `${baseUrl(queue, req)}/q/here?e=${c.code}`, changesAt: toIso(c.changesAt), validUntil: toIso(c.validUntil) };
    },
  );
};
