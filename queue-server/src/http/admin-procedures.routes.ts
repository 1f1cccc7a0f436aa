// The province's procedure catalogue, for the admin role (issue 13.4):
// POST /admin/procedures/import?dryRun=1 with the bytes of a CSV or XLSX file.
// A dry run says what would be added, changed (which columns) and removed and
// changes nothing; without it the procedures are replaced through the live
// configuration (validated, audited, announced as center.changed). Any bytes at
// all get an answer in the API's error shape, never a 500.
import { formatIssue, importCatalogue, applyCatalogue, type CatalogueImport, type CatalogueIssue } from '@mot-cua/config';
import type { RoutePlugin } from './context.ts';
import { adminOnly } from './guards.ts';
import { errors } from './schemas.ts';
import { sendError } from './errors.ts';

/** A province's list of a few thousand procedures with their documents is some MB; the API's 16 KB default is for JSON. */
export const CATALOGUE_BODY_LIMIT = 16 * 1024 * 1024;

const issueSchema = {
  type: 'object',
  properties: { row: { type: 'integer' }, column: { type: 'string' }, message: { type: 'string' }, text: { type: 'string' } },
  required: ['message', 'text'],
} as const;
const entrySchema = { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, row: { type: 'integer' } }, required: ['code', 'name'] } as const;

const reportSchema = {
  type: 'object',
  properties: {
    dryRun: { type: 'boolean' },
    applied: { type: 'boolean' },
    format: { type: 'string', enum: ['csv', 'xlsx'] },
    columns: { type: 'array', items: { type: 'string' } },
    ignoredColumns: { type: 'array', items: { type: 'string' } },
    added: { type: 'array', items: entrySchema },
    changed: { type: 'array', items: { ...entrySchema, properties: { ...entrySchema.properties, columns: { type: 'array', items: { type: 'string' } } } } },
    removed: { type: 'array', items: entrySchema },
    unchanged: { type: 'integer' },
    total: { type: 'integer' },
    errors: { type: 'array', items: issueSchema },
    warnings: { type: 'array', items: issueSchema },
    unknownFields: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, rows: { type: 'array', items: { type: 'integer' } } } } },
  },
} as const;

const issue = (i: CatalogueIssue) => ({ ...i, text: formatIssue(i) });

/** The import as the API and the CLI report it. */
export function catalogueReport(r: Extract<CatalogueImport, { ok: true }>, dryRun: boolean, applied: boolean) {
  return {
    dryRun,
    applied,
    format: r.format,
    columns: r.columns,
    ignoredColumns: r.ignoredColumns,
    added: r.plan.added,
    changed: r.plan.changed,
    removed: r.plan.removed,
    unchanged: r.plan.unchanged,
    total: r.plan.procedures.length,
    errors: r.errors.map(issue),
    warnings: r.warnings.map(issue),
    unknownFields: r.unknownFields,
  };
}

const actorOf = (a: { kind: string; username?: string }) => (a.kind === 'user' && a.username ? a.username : 'unknown');

export const adminProcedureRoutes: RoutePlugin = async (app, { ctx }) => {
  // This scope reads its body as bytes whatever the content type (text/csv, the XLSX type, octet-stream, none).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CATALOGUE_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/admin/procedures/import',
    {
      // Refused before the body is read: nobody else uploads megabytes.
      onRequest: adminOnly,
      bodyLimit: CATALOGUE_BODY_LIMIT,
      schema: {
        summary: "Import the province's procedure catalogue (the bytes of a CSV or XLSX file); ?dryRun=1 only reports what would change",
        tags: ['admin'],
        querystring: { type: 'object', properties: { dryRun: { type: 'string', enum: ['0', '1', 'true', 'false'] } } },
        response: { 200: reportSchema, ...errors(400, 401, 403, 409, 413) },
      },
    },
    async (req, reply) => {
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      const body = req.body as unknown;
      const bytes = body instanceof Uint8Array ? body : new Uint8Array();
      const live = ctx.centerConfig;
      const result = importCatalogue(bytes, live.current());
      if (!result.ok) return sendError(reply, 400, 'catalogue_unreadable', result.error);
      if (dryRun) return catalogueReport(result, true, false);
      if (result.errors.length > 0) {
        const first = formatIssue(result.errors[0]!);
        const more = result.errors.length > 1 ? ` (+${result.errors.length - 1})` : '';
        return sendError(
          reply,
          400,
          'catalogue_invalid',
          `Tệp có ${result.errors.length} lỗi, chưa nhập (xem ?dryRun=1): ${first}${more} / the file has ${result.errors.length} problems and was not imported (see ?dryRun=1)`,
        );
      }
      await live.replace(applyCatalogue(live.current(), result.plan), actorOf(req.actor));
      return catalogueReport(result, false, true);
    },
  );
};
