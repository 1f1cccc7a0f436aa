// What a visit achieved, as the official records it when they finish (issue 16):
// a dossier received (tiếp nhận hồ sơ), guidance only / documents to add
// (hướng dẫn, bổ sung), a result returned (trả kết quả), or something else. It
// is written on the `finished` event, so the reports count dossiers — not
// served tickets — against the provinces' targets (dossiers per staff-year,
// ≤ 30 minutes of reception per dossier).

export const OUTCOMES = ['received', 'guidance', 'result', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A dossier's code as the one-stop system prints it on the receipt: YYMMDD-XXNN-NNNN, e.g. 261120-HT01-0007. */
export const DOSSIER_CODE = /^\d{6}-[A-Z]{2}\d{2}-\d{4}$/;
export const DOSSIER_CODE_FORMAT = 'YYMMDD-XXNN-NNNN';

/** The outcomes that may carry a dossier code: the dossier received, or the one whose result is returned. */
export const OUTCOMES_WITH_DOSSIER: readonly Outcome[] = ['received', 'result'];

export const isOutcome = (v: unknown): v is Outcome => typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);

export interface FinishOutcome {
  outcome: Outcome;
  dossierCode: string | null;
}

/** A scanned or typed code as the system writes it: spaces gone, letters upper case. */
export const normaliseDossierCode = (code: string): string => code.trim().replace(/\s+/g, '').toUpperCase();
