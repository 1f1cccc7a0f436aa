import { describe, expect, expectTypeOf, it } from 'vitest';
import { TICKET_STATUSES } from '@mot-cua/queue-server/domain/types.ts';
import type { Center, CounterView, IssueBody, QueueItem, StaffTicket, Ticket, TicketStatus } from './wire.ts';

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
    // GET /center and GET /queue (issue 12.3: the centre's shapes were hand-written in each UI)
    expectTypeOf<Center['services'][number]['estimatedWaitLowMinutes']>().toEqualTypeOf<number | null>();
    expectTypeOf<Center['kioskAgentUrl']>().toEqualTypeOf<string | null>();
    expectTypeOf<CounterView['status']>().toEqualTypeOf<'open' | 'paused' | 'closed'>();
    expectTypeOf<CounterView['defaultOutcome']>().toEqualTypeOf<'received' | 'guidance' | 'result' | 'other'>();
    expectTypeOf<QueueItem['oldestWaitSeconds']>().toEqualTypeOf<number>();
    // @ts-expect-error: the centre's view carries no staff accounts
    expectTypeOf<Center>().toHaveProperty('staff');
    // a type test runs at type-check time; this keeps vitest from calling the file empty
    expect(TICKET_STATUSES).toContain('waiting');
  });
});
