// Who is asking, and the rule that staff act only for the counter they signed in at.
import { DomainError } from '../domain/index.ts';
import type { Role } from '../store/index.ts';

export type Actor =
  | { kind: 'user'; username: string; role: Role; counterId: string | null }
  | { kind: 'device'; deviceId: string; deviceKind: string; counterId: string | null }
  | { kind: 'public' };

export const actorName = (a: Actor): string | null => (a.kind === 'user' ? a.username : a.kind === 'device' ? `device:${a.deviceId}` : null);

/** Staff may act only at their counter; a keypad only at its own; managers and admins anywhere. */
export function assertMayActAt(actor: Actor, counterId: string): void {
  if (actor.kind === 'user' && (actor.role === 'manager' || actor.role === 'admin')) return;
  if ((actor.kind === 'user' || actor.kind === 'device') && actor.counterId === counterId) return;
  throw new DomainError(
    'forbidden',
    'wrong_counter',
    `Bạn chỉ được thao tác tại quầy đã đăng nhập / you may act only at the counter you signed in at`,
  );
}
