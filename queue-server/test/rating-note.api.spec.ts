// A rating's optional note (issue 16.5): after "Bình thường" or "Không hài lòng" the citizen
// may add a short note. It is trimmed, at most 200 characters, without control characters
// (else 400 and nothing rated), never on the append-only `rated` event,
// kept in its own table that the retention purge empties; managers read the notes of a period
// in the report's JSON, with no ticket and no citizen; the CSV and XLSX files carry no note text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slipKey as keyOf, startServedVisits, type ServedVisits, type TestServer } from './harness.ts';

let v: ServedVisits;
let s: TestServer;

type Err = { error: { code: string; message: string } };
const NOTE = 'Cán bộ hướng dẫn nhanh nhưng phòng chờ nóng';
const served = (issued: string, called: string) => v.served(issued, called);

beforeAll(async () => {
  v = await startServedVisits('2026-11-16');
  s = v.server;
});
afterAll(() => v.close());

describe("a rating's note", () => {
  it('refuses a note too long, with control characters or with a satisfied score (nothing rated); keeps a trimmed one off the event', async () => {
    const t = await served('08:00', '08:20');
    const anon = s.client();
    const rate = (body: Record<string, unknown>) => anon.post<Err>(`/api/v1/tickets/${t.id}/rating`, { k: keyOf(t), ...body });
    const long = await rate({ score: 2, note: 'ă'.repeat(201) });
    expect([long.status, long.body.error.code]).toEqual([400, 'bad_rating_note']);
    expect(long.body.error.message).toMatch(/^Ý kiến tối đa 200 ký tự, không có ký tự điều khiển.* \/ a note has at most 200 characters/);
    expect((await rate({ score: 2, note: 'dòng một\ndòng hai' })).body.error.code).toBe('bad_rating_note');
    expect((await rate({ score: 2, note: 'a\u0007' })).body.error.code).toBe('bad_rating_note');
    const happy = await rate({ score: 4, note: 'rất tốt' });
    expect([happy.status, happy.body.error.code]).toEqual([400, 'rating_note_not_expected']);
    expect((await s.ctx.store.reads.visitEvents('2026-11-16', '2026-11-16')).some((e) => e.type === 'rated')).toBe(false);

    expect((await rate({ score: 2, reasons: ['cho-lau'], note: `  ${NOTE}  ` })).status).toBe(201);
    const rated = (await s.ctx.store.reads.visitEvents('2026-11-16', '2026-11-16')).filter((e) => e.type === 'rated');
    expect(rated.map((e) => e.data)).toEqual([{ score: 2, reasons: ['cho-lau'] }]);
    expect(JSON.stringify(rated)).not.toContain('phòng chờ');
    expect(await s.ctx.store.reads.ratingNotes(0, Date.parse('2100-01-01'))).toEqual([
      { ticketId: t.id, at: v.now(), score: 2, serviceId: 'ho-tich', counterId: 'quay-2', staff: 'quay2', note: NOTE },
    ]);
    // an empty note is no note
    const u = await served('08:30', '08:40');
    expect((await anon.post(`/api/v1/tickets/${u.id}/rating`, { k: keyOf(u), score: 1, note: '   ' })).status).toBe(201);
    expect(await s.ctx.store.reads.ratingNotes(0, Date.parse('2100-01-01'))).toHaveLength(1);
  });

  it("managers read the period's notes in the report's JSON, without ticket or citizen; the files have no note text; nothing public shows it", async () => {
    const mgr = s.client();
    await mgr.login('quanly');
    const r = await mgr.get<{ notes: Record<string, unknown>[] }>('/api/v1/reports?period=range&from=2026-11-16&to=2026-11-16');
    expect(r.body.notes).toEqual([{ at: '2026-11-16T08:20:00.000+07:00', score: 2, service: 'Tư pháp – Hộ tịch', counter: expect.stringContaining('2'), staff: 'Trần Văn Minh', note: NOTE }]);
    expect(Object.keys(r.body.notes[0]!)).not.toContain('ticketId');
    expect((await mgr.get<{ notes: unknown[] }>('/api/v1/reports?period=range&from=2026-11-17&to=2026-11-17')).body.notes).toEqual([]);
    const csv = await mgr.get<string>('/api/v1/reports?period=range&from=2026-11-16&to=2026-11-16&format=csv');
    expect(String(csv.body)).not.toContain('phòng chờ');
    expect((await s.client().get('/api/v1/reports?period=month')).status).toBe(401);
  });

  it('the retention purge deletes the notes past the retention', async () => {
    const days = s.ctx.centerConfig.current().privacy.scanRetentionDays;
    v.at('09:00', '2026-11-16');
    v.advance((days + 1) * 86_400_000);
    await s.ctx.privacy.purge();
    expect(await s.ctx.store.reads.ratingNotes(0, Date.parse('2100-01-01'))).toEqual([]);
  });
});
