// Guided preparation at the kiosk (issue 16.2): the documents the citizen has of the
// procedure's list, and the declaration form prefilled from their CCCD. Both travel with
// the ticket: the checklist is no one's secret (the phone page shows it by the ticket's QR),
// the declaration is personal — read only by the official calling or serving the ticket,
// kept out of the event log, and cleared by the privacy purge.
import { checklist, documentGuide, type CenterConfig, type DocumentGuide } from '@mot-cua/config';
import { fail } from '../domain/messages.ts';
import type { StoreReads } from '../store/port.ts';
import type { Declaration, Preparation, TicketRecord } from '../store/records.ts';
import type { Actor } from './actor.ts';
import type { Centre } from './centre.ts';
import type { OpenTickets } from './open-tickets.ts';

export interface PreparationInput {
  procedureCode?: string;
  preparation?: { have: number[] };
  declaration?: Declaration;
}

/** The preparation a ticket's issue records, or null when the kiosk sent none; refuses ticks beyond the procedure's list. */
export function preparationFor(config: CenterConfig, input: PreparationInput, visitId: string, at: number): Preparation | null {
  if (!input.preparation && !input.declaration) return null;
  const procedure = input.procedureCode ? config.procedures.find((p) => p.code === input.procedureCode) : undefined;
  if (!procedure) throw fail('preparation_needs_procedure');
  const have = [...new Set(input.preparation?.have ?? [])].sort((a, b) => a - b);
  const beyond = have.find((i) => i >= procedure.documents.length);
  if (beyond !== undefined) throw fail('bad_preparation', { index: beyond, count: procedure.documents.length });
  return { visitId, procedureCode: procedure.code, have, declaration: input.declaration ?? null, at };
}

export interface ChecklistDocument extends DocumentGuide {
  have: boolean;
}

export interface ChecklistView {
  procedureCode: string;
  procedureName: string;
  procedureNameEn: string | null;
  total: number;
  have: number;
  documents: ChecklistDocument[];
  missing: DocumentGuide[];
}

/** The checklist as the phone and the counter read it, against the procedure as the centre lists it now. */
export function checklistView(config: CenterConfig, p: Preparation): ChecklistView {
  const procedure = config.procedures.find((x) => x.code === p.procedureCode);
  const docs = procedure?.documents ?? [];
  const c = checklist(docs, p.have);
  const ticked = new Set(p.have);
  return {
    procedureCode: p.procedureCode,
    procedureName: procedure?.name ?? p.procedureCode,
    procedureNameEn: procedure?.nameEn ?? null,
    total: c.total,
    have: c.have,
    documents: docs.map((d, i) => ({ ...documentGuide(d), have: ticked.has(i) })),
    missing: c.missing,
  };
}

/**
 * Who may read a ticket's declaration: the official signed in at the counter calling or serving
 * it — no manager, no device. (The kiosk that made it holds its own copy until the citizen leaves.)
 */
export function mayReadDeclaration(actor: Actor, t: Pick<TicketRecord, 'status' | 'counterId'>): boolean {
  if (actor.kind !== 'user' || actor.counterId === null) return false;
  return actor.counterId === t.counterId && (t.status === 'called' || t.status === 'serving');
}

export class PreparationService {
  constructor(
    private readonly centre: Centre,
    private readonly tickets: OpenTickets,
    private readonly reads: StoreReads,
  ) {}

  private async of(ticketId: string): Promise<{ ticket: TicketRecord; prep: Preparation }> {
    const ticket = await this.tickets.get(ticketId);
    const prep = await this.reads.preparation(ticket.visitId);
    if (!prep) throw fail('not_found:preparation', { id: ticketId });
    return { ticket, prep };
  }

  /** The checklist of a ticket's visit (no personal data). */
  async checklist(ticketId: string): Promise<ChecklistView> {
    return checklistView(this.centre.config, (await this.of(ticketId)).prep);
  }

  /** The checklist and the declaration, for the official calling or serving the ticket. */
  async full(ticketId: string, actor: Actor): Promise<ChecklistView & { declaration: Declaration | null }> {
    const { ticket, prep } = await this.of(ticketId);
    if (!mayReadDeclaration(actor, ticket)) throw fail('forbidden:declaration');
    return { ...checklistView(this.centre.config, prep), declaration: prep.declaration };
  }
}
