// Who else sits at a counter (issue 20.10): an official signing in where another
// official already has a session bound to that counter is told who, and may take
// over (the other is signed out of that counter, with an audit entry) or choose
// another counter. Managers and admins who open a counter are not counted.
import type { CenterConfig } from '@mot-cua/config';
import type { AuditInput, Session, StoreReads, User } from '../store/index.ts';
import { fail } from '../domain/messages.ts';

export interface Seated {
  session: Session;
  user: User;
}

/** The other officials (enabled staff accounts, not `username`) signed in at the counter at `now`, oldest session first. */
export async function officialsAt(reads: StoreReads, counterId: string, username: string, now: number): Promise<Seated[]> {
  const out: Seated[] = [];
  for (const session of await reads.sessionsAt(counterId, now)) {
    if (session.username === username) continue;
    const user = await reads.user(session.username);
    if (user && !user.disabled && user.role === 'staff') out.push({ session, user });
  }
  return out;
}

/**
 * The counters an official may sign in at: the ones an admin allowed (`counterIds`); without that
 * list, their own counter and the priority counters (where any official may help); null for no
 * limit. Managers and admins may open any counter.
 */
export function allowedCounters(config: CenterConfig, user: User): string[] | null {
  if (user.role !== 'staff') return null;
  return user.counterIds ?? (user.counterId ? [user.counterId, ...config.counters.filter((c) => c.priority).map((c) => c.id)] : null);
}

/**
 * The fields an official may pick for their work profile (issue 13.3): every field of the counters
 * they may sign in at (so an admin allows fields by allowing counters); any field where no counter
 * limit is set, and for managers and admins.
 */
export function allowedFields(config: CenterConfig, user: User): string[] {
  const counters = allowedCounters(config, user);
  if (!counters) return config.services.map((s) => s.id);
  const fields = new Set(config.counters.filter((c) => counters.includes(c.id)).flatMap((c) => c.serviceIds));
  return config.services.map((s) => s.id).filter((id) => fields.has(id));
}

/** The fields picked, checked: each a known field (400), each allowed (403); duplicates dropped, in the centre's order. */
export function checkFields(config: CenterConfig, picked: readonly string[], allowed: readonly string[]): string[] {
  for (const id of picked) {
    if (!config.services.some((s) => s.id === id)) throw fail('unknown_service', { id });
    if (!allowed.includes(id)) throw fail('field_not_allowed', { id });
  }
  return config.services.map((s) => s.id).filter((id) => picked.includes(id));
}

/** The refusal naming who is at the counter (409 counter_taken). */
export function counterTaken(config: CenterConfig, counterId: string, holder: User) {
  const number = config.counters.find((c) => c.id === counterId)?.number ?? counterId;
  return fail('counter_taken', { number: String(number), name: holder.fullName, username: holder.username });
}

/** The audit entry of a take-over: who took the counter from whom. */
export const takeOverAudit = (actor: string, counterId: string, from: Seated, address: string, at: number): AuditInput => ({
  actor,
  action: 'counter.taken_over',
  target: counterId,
  detail: { from: from.user.username, address },
  at,
});
