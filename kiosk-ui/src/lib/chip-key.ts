// The BAC access key typed from the card (issue 22): the CCCD's 12-digit number
// (its MRZ document number is the last 9 digits, DOMAIN.md), the date of birth
// and the date of expiry as dd/mm/yyyy, into the MRZ's fields (YYMMDD). Pure: the
// typed values are personal data and stay in the screen's memory only.
import type { ChipKey } from '@mot-cua/ui-shared/agent-protocol.ts';

export type ChipKeyProblem = 'idNumber' | 'dateOfBirth' | 'dateOfExpiry' | 'expiryBeforeBirth';

/** dd/mm/yyyy (the slashes optional) as YYMMDD, or null for a date that does not exist. */
export function dmyToYymmdd(typed: string): string | null {
  const digits = typed.replace(/\//g, '');
  if (!/^\d{8}$/.test(digits)) return null;
  const d = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2, 4));
  const y = Number(digits.slice(4));
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${digits.slice(6)}${digits.slice(2, 4)}${digits.slice(0, 2)}`;
}

/** Eight typed digits shown as dd/mm/yyyy while typing. */
export function showDmy(digits: string): string {
  const d = digits.replace(/\D/g, '').slice(0, 8);
  return [d.slice(0, 2), d.slice(2, 4), d.slice(4)].filter(Boolean).join('/');
}

export function chipKeyFrom(typed: { idNumber: string; dateOfBirth: string; dateOfExpiry: string }): { key: ChipKey } | { problem: ChipKeyProblem } {
  const id = typed.idNumber.replace(/\s/g, '');
  if (!/^\d{12}$/.test(id)) return { problem: 'idNumber' };
  const dob = dmyToYymmdd(typed.dateOfBirth);
  if (!dob) return { problem: 'dateOfBirth' };
  const doe = dmyToYymmdd(typed.dateOfExpiry);
  if (!doe) return { problem: 'dateOfExpiry' };
  const order = (dmy: string) => dmy.replace(/\//g, '').replace(/^(\d{2})(\d{2})(\d{4})$/, '$3$2$1');
  if (order(typed.dateOfExpiry) <= order(typed.dateOfBirth)) return { problem: 'expiryBeforeBirth' };
  return { key: { documentNumber: id.slice(-9), dateOfBirth: dob, dateOfExpiry: doe } };
}
