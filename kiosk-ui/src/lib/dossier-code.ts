// Dossier codes look like 261120-HT01-0007 (YYMMDD-XXXX-NNNN, queue-server/API.md).
// The kiosk tidies what was typed or scanned and checks the shape before asking,
// so a typo gets its own message instead of "not found".
const SHAPE = /^\d{6}-[A-Z0-9]{2,8}-\d{3,6}$/;

export function normalizeDossierCode(s: string): string {
  return s.trim().toUpperCase().replace(/\s+/g, '').replace(/[–—_/.]/g, '-');
}

export function looksLikeDossierCode(s: string): boolean {
  return SHAPE.test(s);
}
