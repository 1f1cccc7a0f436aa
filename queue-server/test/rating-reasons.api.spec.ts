// Ratings that say why (issue 16.5, the server's part): after "Bình thường" or "Không hài
// lòng" the citizen may tick the centre's reasons — from the slip's QR or the counter's rating
// keypad; reasons with a satisfied score, or not the centre's, are refused and nothing is
// rated. The month report counts the reasons and reads satisfaction by the visit's wait, saying
// from which wait it falls below the ≥ 95 % target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slipKey as keyOf, startServedVisits, type ServedVisits, type TestServer } from './harness.ts';

let v: ServedVisits;
let s: TestServer;

const served = (issued: string, called: string) => v.served(issued, called);

beforeAll(async () => {
  v = await startServedVisits('2026-11-16');
  s = v.server;
});
afterAll(() => v.close());

describe('ratings that say why', () => {
  it('the centre offers its reasons in /center, Vietnamese and English', async () => {
    const c = await s.client().get<{ ratingReasons: { id: string; label: string; labelEn: string }[] }>('/api/v1/center');
    expect(c.body.ratingReasons.length).toBeGreaterThanOrEqual(4);
    expect(c.body.ratingReasons.find((r) => r.id === 'cho-lau')).toEqual({ id: 'cho-lau', label: 'Chờ lâu', labelEn: 'Long wait' });
  });

  it('a "Bình thường" from the slip with reasons is recorded on the rated event; a satisfied one with reasons, or an unknown reason, is refused and rates nothing', async () => {
    const t = await served('08:00', '08:25');
    const anon = s.client();
    const happy = await anon.post<{ error: { code: string; message: string } }>(`/api/v1/tickets/${t.id}/rating`, { score: 4, k: keyOf(t), reasons: ['cho-lau'] });
    expect([happy.status, happy.body.error.code]).toEqual([400, 'rating_reasons_not_expected']);
    expect(happy.body.error.message).toMatch(/^Chỉ chọn lý do khi đánh giá "Bình thường" hoặc "Không hài lòng" \/ /);
    const unknown = await anon.post<{ error: { code: string } }>(`/api/v1/tickets/${t.id}/rating`, { score: 2, k: keyOf(t), reasons: ['gia-dat'] });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_rating_reason']);
    const twice = await anon.post(`/api/v1/tickets/${t.id}/rating`, { score: 2, k: keyOf(t), reasons: ['cho-lau', 'cho-lau'] });
    expect(twice.status).toBe(400);
    expect((await anon.post(`/api/v1/tickets/${t.id}/rating`, { score: 2, k: keyOf(t), reasons: ['cho-lau', 'huong-dan'] })).status).toBe(201);
    const rated = (await s.ctx.store.reads.visitEvents('2026-11-16', '2026-11-16')).filter((e) => e.type === 'rated' && e.ticketId === t.id);
    expect(rated.map((e) => e.data)).toEqual([{ score: 2, reasons: ['cho-lau', 'huong-dan'] }]);
  });

  it('the rating keypad may send reasons too', async () => {
    await served('09:00', '09:02');
    const keypad = s.client({ authorization: 'Bearer demo-keypad-2' });
    expect((await keypad.post('/api/v1/counters/quay-2/rating', { score: 1, reasons: ['thai-do'] })).status).toBe(201);
  });

  it('the month report counts the reasons and reads satisfaction by wait, with where it breaks', async () => {
    // five quick visits rated "rất hài lòng", five long ones "bình thường"
    for (let i = 0; i < 5; i++) {
      const t = await served(`10:${String(i * 10).padStart(2, '0')}`, `10:${String(i * 10 + 2).padStart(2, '0')}`);
      await s.client().post(`/api/v1/tickets/${t.id}/rating`, { score: 4, k: keyOf(t) });
    }
    for (let i = 0; i < 5; i++) {
      const t = await served(`1${3 + i}:00`, `1${3 + i}:35`);
      await s.client().post(`/api/v1/tickets/${t.id}/rating`, { score: 2, k: keyOf(t), reasons: ['cho-lau'] });
    }
    const mgr = s.client();
    await mgr.login('quanly');
    const r = await mgr.get<{ reasons: { key: string; name: string; ratings: number }[]; waitBands: { fromMinutes: number; toMinutes: number | null; ratings: number; satisfactionPct: number | null }[]; satisfactionBreaksAtMinutes: number | null }>(
      '/api/v1/reports?period=month&date=2026-11-16',
    );
    expect(r.body.reasons).toEqual([
      { key: 'cho-lau', name: 'Chờ lâu', ratings: 6 },
      { key: 'huong-dan', name: 'Hướng dẫn chưa rõ', ratings: 1 },
      { key: 'thai-do', name: 'Thái độ cán bộ chưa tốt', ratings: 1 },
    ]);
    const band = (from: number) => r.body.waitBands.find((b) => b.fromMinutes === from)!;
    // 2 minutes: six ratings, five satisfied and the keypad's one; 25 minutes: one; 35 minutes: five, none satisfied
    expect(band(0)).toMatchObject({ toMinutes: 5, ratings: 6, satisfactionPct: round1((5 / 6) * 100) });
    expect(band(20)).toMatchObject({ ratings: 1, satisfactionPct: 0 });
    expect(band(30)).toMatchObject({ toMinutes: 45, ratings: 5, satisfactionPct: 0 });
    expect(band(45)).toMatchObject({ toMinutes: null, ratings: 0, satisfactionPct: null });
    // the first band with enough ratings below 95 %: already the shortest waits here
    expect(r.body.satisfactionBreaksAtMinutes).toBe(0);
    const csv = (await mgr.get<string>('/api/v1/reports?period=month&date=2026-11-16&format=csv')).body;
    expect(csv).toContain('"Lý do chưa hài lòng"');
    expect(csv).toContain('"Hài lòng theo thời gian chờ"');
  });
});

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
