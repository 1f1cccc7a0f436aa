// What a citizen prepared at the kiosk for a visit (records.ts Preparation): a table of its
// own, not the append-only event log, so the declaration's personal data can be cleared.
import type { Db } from './db.ts';
import type { Preparation } from '../records.ts';

type Row = { visit_id: string; procedure_code: string; have: string; declaration: string | null; at: number };

export class PreparationRepository {
  constructor(private readonly db: Db) {}

  insert(p: Preparation): void {
    this.db
      .prepare('INSERT INTO preparations (visit_id, procedure_code, have, declaration, at) VALUES (?, ?, ?, ?, ?)')
      .run(p.visitId, p.procedureCode, JSON.stringify(p.have), p.declaration ? JSON.stringify(p.declaration) : null, p.at);
  }

  get(visitId: string): Preparation | null {
    const r = this.db.prepare('SELECT * FROM preparations WHERE center_id = this_center() AND visit_id = ?').get(visitId) as Row | undefined;
    return r ? { visitId: r.visit_id, procedureCode: r.procedure_code, have: JSON.parse(r.have) as number[], declaration: r.declaration ? (JSON.parse(r.declaration) as Preparation['declaration']) : null, at: r.at } : null;
  }

  /** Clears the declarations of closed visits prepared before `cutoff`; returns how many. */
  forgetDeclarations(cutoff: number, openStatuses: readonly string[]): number {
    const open = openStatuses.map((s) => `'${s}'`).join(', ');
    return this.db
      .prepare(
        `UPDATE preparations SET declaration = NULL WHERE declaration IS NOT NULL AND at < ?
           AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.visit_id = preparations.visit_id AND t.status IN (${open}))`,
      )
      .run(cutoff).changes;
  }
}
