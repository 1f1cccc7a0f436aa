/**
 * The LED counter display line protocol (ASCII, 9600 8N1 by default):
 *
 *   host → display   `#<counter>:<text>\r\n`   show <text> on counter <counter>'s display
 *                    `#<counter>:\r\n`         blank it
 *                    `?\r\n`                   are you there?
 *   display → host   `OK\r\n`                  done (for `?`: `OK <model>\r\n`)
 *                    `ERR <reason>\r\n`        refused (bad line, text too long…)
 *
 * <counter> is the counter number, 1–999. <text> is at most 8 characters of 0-9, A-Z, space
 * and '-' (what a 7- or 14-segment module can show). One line at a time: the host waits for
 * the answer before the next line, and resends once after 500 ms of silence.
 */

export const MAX_TEXT = 8;

export type DisplayCommand = { kind: 'show'; counter: number; text: string } | { kind: 'ping' };

export function formatShow(counter: number, text: string): string {
  return `#${counter}:${text}\r\n`;
}

export function validText(text: string): boolean {
  return text.length <= MAX_TEXT && /^[0-9A-Z -]*$/.test(text);
}

export function parseCommand(line: string): DisplayCommand | { kind: 'error'; reason: string } {
  const l = line.replace(/[\r\n]+$/, '');
  if (l === '?') return { kind: 'ping' };
  const m = /^#(\d{1,3}):(.*)$/.exec(l);
  if (!m) return { kind: 'error', reason: 'syntax' };
  const counter = Number(m[1]);
  if (counter < 1) return { kind: 'error', reason: 'counter' };
  if (!validText(m[2]!)) return { kind: 'error', reason: 'text' };
  return { kind: 'show', counter, text: m[2]! };
}
