// Hours of the day as people read them. One definition for the server, which words
// its planner findings with it, and for the pages, which word the same findings in
// the reader's language (display-board's planner): the two cannot drift.

/** Consecutive hours as spans: [8, 9, 14] → "8:00–10:00, 14:00–15:00". */
export function hourSpans(hours: readonly number[]): string {
  const spans: [number, number][] = [];
  for (const h of [...hours].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last[1] === h) last[1] = h + 1;
    else spans.push([h, h + 1]);
  }
  return spans.map(([a, b]) => `${a}:00–${b}:00`).join(', ');
}
