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
