// Server messages come as "Vietnamese / English" (queue-server/API.md).
import type { Lang } from '@mot-cua/config/strings/index.ts';

/** The half of a server message for this language; a message without " / " is shown whole. */
export function messageFor(message: string, lang: Lang): string {
  const parts = message.split(' / ');
  if (parts.length < 2) return message;
  return lang === 'en' ? parts.slice(1).join(' / ') : (parts[0] ?? message);
}
