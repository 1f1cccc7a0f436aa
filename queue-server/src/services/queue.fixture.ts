// A queue on a real SQLite file in a fresh temp folder, for the service specs:
// the demo centre, a clock the test moves, announcements collected as they leave.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemoConfig, type CenterConfig } from '@mot-cua/config';
import { Store, SqlitePort } from '../store/index.ts';
import { Bus, type BusEvents } from './bus.ts';
import type { IdentityParse } from './issue.service.ts';
import type { IssueLimits } from './issue-limit.ts';
import { createQueue, type Queue } from './queue.ts';
import type { Actor } from './actor.ts';

/** Monday 2026-11-23, 08:00 in Vietnam: inside the demo centre's opening hours. */
export const MONDAY_8AM = Date.parse('2026-11-23T08:00:00+07:00');

export interface QueueFixture {
  queue: Queue;
  /** What the services announce on (a listener may start on it). */
  bus: Bus;
  store: Store;
  file: string;
  clock: { now: number };
  /** Every announcement, in the order it left. */
  told: { event: keyof BusEvents; args: unknown[] }[];
  /** A second queue over the same file, as a restarted server would build it. */
  reopen(): Promise<Queue>;
  close(): void;
}

export const staffAt = (counterId: string): Actor => ({ kind: 'user', username: `staff-${counterId}`, role: 'staff', counterId });
export const manager: Actor = { kind: 'user', username: 'quanly', role: 'manager', counterId: null };

export async function openQueue(o: { config?: CenterConfig; enforceHours?: boolean; parseIdentity?: IdentityParse; groupCommit?: boolean; limits?: IssueLimits } = {}): Promise<QueueFixture> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-svc-')), 'queue.db');
  const store = Store.open({ file, groupCommit: o.groupCommit ?? false });
  const config = o.config ?? loadDemoConfig();
  const clock = { now: MONDAY_8AM };
  const told: QueueFixture['told'] = [];
  const bus = new Bus((announce) => store.afterCommit(announce));
  for (const event of ['ticket.issued', 'ticket.called', 'ticket.updated', 'counter.updated'] as const) bus.on(event, (...args: unknown[]) => told.push({ event, args }));
  const build = (s: Store) =>
    createQueue(config, new SqlitePort(s), bus, { now: () => clock.now, secret: Buffer.alloc(32, 7), enforceHours: o.enforceHours ?? false, parseIdentity: o.parseIdentity ?? null, limits: o.limits });
  const others: Store[] = [];
  return {
    queue: await build(store),
    bus,
    store,
    file,
    clock,
    told,
    reopen: () => {
      const s = Store.open({ file });
      others.push(s);
      return build(s);
    },
    close: () => {
      for (const s of others) s.close();
      store.close();
    },
  };
}
