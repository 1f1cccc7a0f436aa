import { describe, expect, it } from 'vitest';
import { suggestions } from './suggest.ts';

const counters = [
  { id: 'k1', number: 1, serviceIds: ['ht'], status: 'open' },
  { id: 'k3', number: 3, serviceIds: ['ht', 'dd'], status: 'closed' },
  { id: 'k2', number: 2, serviceIds: ['ht'], status: 'paused' },
];

describe('suggestions', () => {
  it('says nothing while waits stay under the warning line', () => {
    expect(suggestions([{ serviceId: 'ht', waiting: 4, oldestWaitSeconds: 300, estimatedWaitMinutes: 8 }], counters, 12)).toEqual([]);
  });
  it('names the lowest idle counter of the field when the expected wait reaches the warning line', () => {
    expect(suggestions([{ serviceId: 'ht', waiting: 9, oldestWaitSeconds: 300, estimatedWaitMinutes: 14 }], counters, 12)).toEqual([
      { serviceId: 'ht', minutes: 14, counterNumber: 2 },
    ]);
  });
  it('counts the oldest wait too, and asks for staff when no counter is idle', () => {
    expect(suggestions([{ serviceId: 'gt', waiting: 1, oldestWaitSeconds: 16 * 60, estimatedWaitMinutes: 2 }], counters, 12)).toEqual([
      { serviceId: 'gt', minutes: 16, counterNumber: null },
    ]);
  });
  it('where nobody signed in serves a field, advises from the wait once its open counters are staffed (issue 20.7)', () => {
    const out = suggestions([{ serviceId: 'ht', waiting: 8, oldestWaitSeconds: 60, estimatedWaitMinutes: null, estimatedWaitIfStaffedMinutes: 40 }], counters, 12);
    expect(out.map((x) => x.minutes)).toEqual([40]);
  });
  it('ignores empty queues whatever their estimate', () => {
    expect(suggestions([{ serviceId: 'ht', waiting: 0, oldestWaitSeconds: null, estimatedWaitMinutes: 30 }], counters, 12)).toEqual([]);
  });
});
