// The checklist and the prefilled declaration a ticket carries (issue 16.2), over a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { SqlitePort } from '../store/index.ts';
import { checklistView, mayReadDeclaration, preparationFor } from './preparation.service.ts';
import { PrivacyService } from './privacy.service.ts';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());
const config = loadDemoConfig();
const declaration = { fullName: 'Trần Văn Bình', dateOfBirth: '12/03/1950', gender: 'Nam' as const, idNumber: '001050001234', address: 'Thôn Đông, xã Yên Sở', source: 'qr' as const };

describe('preparationFor', () => {
  it('records the ticks of the procedure’s documents, once each and in order', () => {
    expect(preparationFor(config, { procedureCode: '1.001193', preparation: { have: [3, 0, 3] } }, 'v', 5)).toEqual({ visitId: 'v', procedureCode: '1.001193', have: [0, 3], declaration: null, at: 5 });
    expect(preparationFor(config, { procedureCode: '1.001193' }, 'v', 5)).toBeNull();
  });

  it('refuses a tick beyond the list, and a preparation without a procedure', () => {
    expect(() => preparationFor(config, { procedureCode: '1.001193', preparation: { have: [4] } }, 'v', 5)).toThrow(/4 giấy tờ.*số 4/);
    expect(() => preparationFor(config, { declaration }, 'v', 5)).toThrow(/procedureCode/);
  });
});

describe('checklistView', () => {
  it('says how many of the documents the citizen has and names the missing ones with what to do', () => {
    const v = checklistView(config, { visitId: 'v', procedureCode: '1.001193', have: [0, 2, 3], declaration: null, at: 0 });
    expect([v.have, v.total]).toEqual([3, 4]);
    expect(v.missing).toHaveLength(1);
    expect(v.missing[0]!.name).toMatch(/^Giấy chứng sinh/);
    expect(v.missing[0]!.howToGet).toMatch(/cơ sở y tế/);
    expect(v.documents.map((d) => d.have)).toEqual([true, false, true, true]);
  });
});

describe('mayReadDeclaration', () => {
  const t = { status: 'serving' as const, counterId: 'quay-2' };
  it('lets the official at the ticket’s counter read it, nobody else (no manager, no device)', () => {
    expect(mayReadDeclaration({ kind: 'user', username: 'quay2', role: 'staff', counterId: 'quay-2' }, t)).toBe(true);
    expect(mayReadDeclaration({ kind: 'user', username: 'quay3', role: 'staff', counterId: 'quay-3' }, t)).toBe(false);
    expect(mayReadDeclaration({ kind: 'user', username: 'quanly', role: 'manager', counterId: null }, t)).toBe(false);
    expect(mayReadDeclaration({ kind: 'user', username: 'quay2', role: 'staff', counterId: 'quay-2' }, { ...t, status: 'waiting', counterId: null })).toBe(false);
    expect(mayReadDeclaration({ kind: 'device', deviceId: 'kiosk-1', deviceKind: 'kiosk', counterId: null }, t)).toBe(false);
    expect(mayReadDeclaration({ kind: 'device', deviceId: 'keypad-2', deviceKind: 'keypad', counterId: 'quay-2' }, t)).toBe(false);
    expect(mayReadDeclaration({ kind: 'public' }, t)).toBe(false);
  });
});

describe('PreparationService with the privacy purge', () => {
  it('a ticket carries its preparation to the counter; the purge clears the declaration after the retention, keeps the checklist', async () => {
    f = await openQueue();
    const { issue, counters, preparations } = f.queue;
    await counters.signIn('quay-2', 'staff-quay-2');
    const t = (await issue.issue({ serviceId: 'ho-tich', procedureCode: '1.001193', preparation: { have: [0, 3] }, declaration }, null)).ticket;
    const official = { kind: 'user' as const, username: 'staff-quay-2', role: 'staff' as const, counterId: 'quay-2' };
    await expect(preparations.full(t.id, official)).rejects.toThrow(/cán bộ đang gọi/);
    await counters.callTicket(t.id, 'quay-2', staffAt('quay-2'));
    expect((await preparations.full(t.id, official)).declaration).toEqual(declaration);
    expect(await preparations.checklist(t.id)).not.toHaveProperty('declaration');
    await counters.act(t.id, 'finish', staffAt('quay-2'));
    const privacy = new PrivacyService(f.queue.centre.config, new SqlitePort(f.store), () => f.clock.now);
    await privacy.purge();
    expect(f.store.preparations.get(t.visitId)?.declaration).toEqual(declaration);
    f.clock.now += 86_400_000 + 60_000;
    await privacy.purge();
    expect(f.store.preparations.get(t.visitId)).toMatchObject({ have: [0, 3], declaration: null });
  });
});
