import { describe, expect, it } from 'vitest';
import { byDistrict, minutesOf, withRow, type CentreRow } from './types.ts';

const row = (centreId: string, district: string, waiting = 0): CentreRow => ({
  centreId, name: centreId, district, issued: 0, served: 0, waiting, oldestWaitSeconds: null, withinTargetPct: null, satisfactionPct: null, breaches: 0, lastEventAt: null, devices: null,
});

describe('province board helpers', () => {
  it('groups by district in the given order, replaces a pushed row, reads minutes', () => {
    const rows = [row('a', 'Huyện An Phú'), row('b', 'Huyện An Phú'), row('c', 'Thành phố Long Xuyên')];
    expect(byDistrict(rows).map((g) => [g.district, g.centres.map((c) => c.centreId)])).toEqual([
      ['Huyện An Phú', ['a', 'b']],
      ['Thành phố Long Xuyên', ['c']],
    ]);
    expect(withRow(rows, row('b', 'Huyện An Phú', 7)).map((r) => r.waiting)).toEqual([0, 7, 0]);
    expect(withRow(rows, row('z', 'Huyện Mới', 7))).toEqual(rows);
    expect([minutesOf(null), minutesOf(59), minutesOf(61), minutesOf(3600)]).toEqual([null, 0, 1, 60]);
  });
});
