// What importing a catalogue does to a centre's procedures: which are added,
// which change (and in which columns), which go (in the centre, not in the
// file), and the procedures list afterwards. The file is the whole catalogue:
// its order is kept; a column the file does not have keeps the centre's value.
import type { CenterConfig, Procedure } from '../schema.ts';
import { renameDocuments } from '../documents.ts';
import { readTable } from './read.ts';
import { readEntries, type CatalogueEntry, type CatalogueIssue } from './entries.ts';
import type { CatalogueColumn } from './columns.ts';

export interface CataloguePlan {
  added: { code: string; name: string; row: number }[];
  changed: { code: string; name: string; row: number; columns: CatalogueColumn[] }[];
  removed: { code: string; name: string }[];
  unchanged: number;
  /** The centre's procedures once the file is applied. */
  procedures: Procedure[];
}

/** Shown for a new procedure whose column the file leaves empty: the kiosk points to the portal, never a made-up value. */
export const SEE_PORTAL = 'Theo quy định, xem trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)';

const COMPARED: [CatalogueColumn, keyof Procedure][] = [
  ['name', 'name'],
  ['field', 'serviceId'],
  ['documents', 'documents'],
  ['processingTime', 'processingTime'],
  ['fee', 'fee'],
  ['agency', 'agency'],
  ['onlineLevel', 'onlineLevel'],
];

function merge(entry: CatalogueEntry, existing: Procedure | undefined): Procedure {
  const base: Procedure = existing ?? {
    code: entry.code,
    name: entry.name,
    serviceId: entry.serviceId,
    documents: [`${SEE_PORTAL}, mã ${entry.code}`],
    processingTime: SEE_PORTAL,
    fee: SEE_PORTAL,
    anyResidence: false,
    forms: [],
  };
  const next: Procedure = { ...base, code: entry.code, name: entry.name, serviceId: entry.serviceId };
  if (entry.documents && entry.documents.length > 0) next.documents = renameDocuments(base.documents, entry.documents);
  if (entry.processingTime) next.processingTime = entry.processingTime;
  if (entry.fee) next.fee = entry.fee;
  if (entry.agency) next.agency = entry.agency;
  if (entry.onlineLevel) next.onlineLevel = entry.onlineLevel;
  return next;
}

export function planCatalogue(current: readonly Procedure[], entries: readonly CatalogueEntry[]): CataloguePlan {
  const byCode = new Map(current.map((p) => [p.code, p]));
  const inFile = new Set(entries.map((e) => e.code));
  const plan: CataloguePlan = { added: [], changed: [], removed: [], unchanged: 0, procedures: [] };
  for (const e of entries) {
    const existing = byCode.get(e.code);
    const next = merge(e, existing);
    plan.procedures.push(next);
    if (!existing) {
      plan.added.push({ code: e.code, name: e.name, row: e.row });
      continue;
    }
    const columns = COMPARED.filter(([, key]) => JSON.stringify(existing[key]) !== JSON.stringify(next[key])).map(([col]) => col);
    if (columns.length > 0) plan.changed.push({ code: e.code, name: e.name, row: e.row, columns });
    else plan.unchanged++;
  }
  for (const p of current) if (!inFile.has(p.code)) plan.removed.push({ code: p.code, name: p.name });
  return plan;
}

export type CatalogueImport =
  | { ok: false; error: string }
  | {
      ok: true;
      format: 'csv' | 'xlsx';
      /** Columns the file has, and headers it has that are not used. */
      columns: CatalogueColumn[];
      ignoredColumns: string[];
      /** Problems that stop the import (a row that cannot be read or whose field the centre lacks). */
      errors: CatalogueIssue[];
      /** Notes that do not (a code Excel turned into a number, a skipped row, a shortened text). */
      warnings: CatalogueIssue[];
      unknownFields: { name: string; rows: number[] }[];
      plan: CataloguePlan;
    };

/** A file's bytes read against a centre: what it would change. Never throws. `fieldMap`: file field → service id. */
export function importCatalogue(bytes: Uint8Array, config: CenterConfig, opts: { fieldMap?: Readonly<Record<string, string>> } = {}): CatalogueImport {
  const table = readTable(bytes);
  if (!table.ok) return table;
  const read = readEntries(table.table, config.services, opts.fieldMap);
  if (!read)
    return {
      ok: false,
      error: 'Không tìm thấy dòng tiêu đề có cột "Mã thủ tục" và "Tên thủ tục" trong 15 dòng đầu (no header row with a code and a name column)',
    };
  const warnings = [...table.notes.map((message) => ({ message })), ...read.warnings];
  // An empty catalogue would remove every procedure: never what a file with a header only means.
  const errors = read.entries.length === 0 && read.errors.length === 0 ? [{ message: 'tệp không có thủ tục nào (the file lists no procedure)' }] : read.errors;
  return {
    ok: true,
    format: table.format,
    columns: [...read.header.columns.keys()],
    ignoredColumns: read.header.ignored,
    errors,
    warnings,
    unknownFields: read.unknownFields,
    plan: planCatalogue(config.procedures, read.entries),
  };
}

/** The configuration with the plan's procedures in place of the centre's. */
export function applyCatalogue(config: CenterConfig, plan: CataloguePlan): CenterConfig {
  return { ...config, procedures: plan.procedures };
}
