// Who is asking, and the rule that staff act only for the counter they signed in at.
import type { Role } from '../store/index.ts';
import { fail } from '../domain/messages.ts';

export type Actor =
  | { kind: 'user'; username: string; role: Role; counterId: string | null }
  | { kind: 'device'; deviceId: string; deviceKind: string; counterId: string | null }
  | { kind: 'public' };

export const actorName = (a: Actor): string | null => (a.kind === 'user' ? a.username : a.kind === 'device' ? `device:${a.deviceId}` : null);

/** Staff may act only at their counter; a keypad only at its own; managers and admins anywhere. */
export function assertMayActAt(actor: Actor, counterId: string): void {
  if (actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin')) return;
  if ((actor.kind === 'user' || actor.kind === 'device') && actor.counterId === counterId) return;
  throw fail('wrong_counter');
}

/**
 * Who may act on a ticket: whoever may act at its counter; a ticket at no
 * counter yet (waiting), staff of any counter that serves its field.
 */
export function assertMayTouch(actor: Actor, t: { counterId: string | null; serviceId: string }, serves: (counterId: string, serviceId: string) => boolean): void {
  if (t.counterId) {
    assertMayActAt(actor, t.counterId);
    return;
  }
  if (actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin')) return;
  const c = actor.kind === 'public' ? null : actor.counterId;
  if (c && serves(c, t.serviceId)) return;
  throw fail('wrong_counter:ticket');
}
