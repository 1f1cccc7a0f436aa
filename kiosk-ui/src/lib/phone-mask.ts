// A phone number shown back on a kiosk's screen once given (issue 17.2): the hall can read the
// screen, so only the last three digits stay — enough for the citizen to see it is theirs.
export function maskedPhone(raw: string): string {
  const d = raw.replace(/\D/g, '');
  if (d.length <= 3) return '•'.repeat(d.length);
  return `${'•'.repeat(d.length - 3)}${d.slice(-3)}`;
}
