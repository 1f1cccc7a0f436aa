// A procedure's documents (thành phần hồ sơ): each is a plain name, as the national
// database lists it, or a name with what to do when the citizen does not have it —
// where to get it and which form (issue 16.2). The kiosk's checklist and the
// counter's "4/5 giấy tờ — thiếu: …" read them through these helpers only.
import { z } from 'zod';
import { text } from './schema-parts.ts';

export const documentGuideSchema = z.strictObject({
  name: text,
  /** Where to get it (cơ quan cấp, nơi lấy), shown and printed when it is missing. */
  howToGet: text.optional(),
  /** The form to fill in for it, by the name the procedure's forms use. */
  formName: text.optional(),
  formUrl: z.string().max(500).optional(),
});

/** A plain string (the long-standing form) or a document with guidance. */
export const procedureDocumentSchema = z.union([text, documentGuideSchema]);

export type DocumentGuide = z.infer<typeof documentGuideSchema>;
export type ProcedureDocument = z.infer<typeof procedureDocumentSchema>;

export const documentName = (d: ProcedureDocument): string => (typeof d === 'string' ? d : d.name);

/** Every document as an object, so a reader never has to ask which form it is. */
export const documentGuide = (d: ProcedureDocument): DocumentGuide => (typeof d === 'string' ? { name: d } : d);

/**
 * New names for a procedure's documents (an admin's edit, a catalogue import) keep the
 * guidance of those whose name stays; a new name is a plain string.
 */
export function renameDocuments(previous: readonly ProcedureDocument[], names: readonly string[]): ProcedureDocument[] {
  const byName = new Map(previous.filter((d) => typeof d !== 'string').map((d) => [documentName(d), d]));
  return names.map((n) => byName.get(n) ?? n);
}

export interface Checklist {
  total: number;
  have: number;
  /** The documents the citizen does not have, with what to do. */
  missing: DocumentGuide[];
}

/** The citizen's ticks ("có") as indexes into the procedure's documents; an index out of range is ignored. */
export function checklist(documents: readonly ProcedureDocument[], have: readonly number[]): Checklist {
  const ticked = new Set(have.filter((i) => Number.isInteger(i) && i >= 0 && i < documents.length));
  return { total: documents.length, have: ticked.size, missing: documents.filter((_, i) => !ticked.has(i)).map(documentGuide) };
}
