// Opening hours as the admin console writes them: "07:30-11:30, 13:30-17:00" for a day's spans.
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface Span {
  open: string;
  close: string;
}

export function formatSpans(spans: readonly Span[]): string {
  return spans.map((s) => `${s.open}-${s.close}`).join(', ');
}

/** "7:30-11:30, 13:30 – 17:00" → spans; a piece that is not two times is kept as written, for the server to name. */
export function parseSpans(text: string): Span[] {
  const pad = (t: string) => (/^\d:\d\d$/.test(t) ? `0${t}` : t);
  return text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => {
      const [open = '', close = ''] = piece.split(/\s*[-–—]\s*/);
      return { open: pad(open.trim()), close: pad(close.trim()) };
    });
}
