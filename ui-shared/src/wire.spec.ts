import { describe, expect, expectTypeOf, it } from 'vitest';
import { TICKET_STATUSES } from '@mot-cua/queue-server/domain/types.ts';
import type { IssueBody, StaffTicket, Ticket, TicketStatus } from './wire.ts';

describe('wire types', () => {
  it("follow the server's schemas", () => {
    expectTypeOf<TicketStatus>().toEqualTypeOf<(typeof TICKET_STATUSES)[number]>();
    expectTypeOf<Ticket['counterNumber']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<Ticket['estimatedWaitMinutes']>().toEqualTypeOf<number | null>();
    expectTypeOf<StaffTicket['id']>().toEqualTypeOf<string>();
    expectTypeOf<StaffTicket['waitSeconds']>().toEqualTypeOf<number>();
    expectTypeOf<StaffTicket['visitWaitSeconds']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<IssueBody>().toHaveProperty('serviceId').toEqualTypeOf<string>();
    // @ts-expect-error: a reply carries only what its schema lists
    expectTypeOf<Ticket>().toHaveProperty('idempotencyKey');
    // a type test runs at type-check time; this keeps vitest from calling the file empty
    expect(TICKET_STATUSES).toContain('waiting');
  });
});
