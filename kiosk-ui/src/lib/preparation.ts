// The citizen's preparation for a procedure (issue 16.2): which of its documents they have,
// and the declaration form prefilled from the scanned CCCD. Pure: the screens hold the state.
import type { CccdSummary } from '@mot-cua/ui-shared/agent-protocol.ts';
import type { IssueBody } from '@mot-cua/ui-shared/wire.ts';

export type Declaration = NonNullable<IssueBody['declaration']>;
export interface DocumentGuide { name: string; howToGet?: string; formName?: string; formUrl?: string }

/** One answer per document: true "có", false "chưa có", null not answered yet. */
export type Answers = (boolean | null)[];

/** The indexes the server takes as the documents the citizen has. */
export const haveIndexes = (answers: Answers): number[] => answers.flatMap((a, i) => (a === true ? [i] : []));

/** The documents answered "chưa có", with their guidance. */
export const missingOf = (guides: readonly DocumentGuide[], answers: Answers): DocumentGuide[] => guides.filter((_, i) => answers[i] === false);

/** yyyy-mm-dd or ddmmyyyy → dd/mm/yyyy, as the form prints it; anything else null. */
export function formDate(s: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : null;
}

/**
 * The declaration's fields from a scan: the CCCD QR (and the chip's read, which the agent
 * sends in the QR's layout) give the number, name, date of birth, gender and residence; the
 * MRZ gives no address, and its optional field holds the full 12-digit number.
 */
export function declarationFromScan(s: { source: string; raw: string; cccd: CccdSummary | null }): Declaration | null {
  if (!s.cccd) return null;
  const base = { fullName: s.cccd.fullName, dateOfBirth: formDate(s.cccd.dateOfBirth), gender: s.cccd.gender };
  if (s.source === 'qr' || s.source === 'chip') {
    const f = s.raw.normalize('NFC').replace(/[\r\n]+/g, '').split('|');
    const id = /^\d{12}$/.test(f[0] ?? '') ? f[0]! : null;
    return { ...base, fullName: f[2]?.trim() || base.fullName, idNumber: id, address: f[5]?.trim() || null, source: s.source };
  }
  if (s.source === 'mrz') {
    const line1 = s.raw.split(/\r\n|\r|\n/).find((l) => l.trim() !== '')?.replace(/\s/g, '') ?? '';
    const id = /^I[A-Z<]VNM[A-Z0-9<]{9}[0-9<](\d{12})/.exec(line1)?.[1] ?? null;
    return { ...base, idNumber: id, address: null, source: 'mrz' };
  }
  return null;
}
