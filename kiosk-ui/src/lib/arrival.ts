// The kiosk's check-in of a number taken from the phone (issue 17.1): what the citizen gives it —
// the phone page's QR (its status URL, /t/<id>?k=…) held to the reader, or the number typed.

/** The ticket id in a scanned phone page's QR, or null when the code is no ticket's. */
export function ticketIdFromQr(raw: string): string | null {
  const m = /\/t\/([A-Za-z0-9_-]{1,64})(?:[/?#]|$)/.exec(raw.trim());
  return m?.[1] ?? null;
}

/** A typed ticket number as the server knows it: no spaces, upper case; null when it cannot be one. */
export function typedNumber(raw: string): string | null {
  const n = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9-]{1,20}$/.test(n) ? n : null;
}
