import { describe, expect, it } from 'vitest';
import { oneTap, suggestions } from './suggest.ts';

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

describe('the one-tap action of a suggestion (issue 13.3)', () => {
  const s = { serviceId: 'dd', minutes: 20, counterNumber: 3 };
  it('resumes the lowest idle counter of the field where an official sits', () => {
    expect(oneTap(s, [...counters, { id: 'k4', number: 4, serviceIds: ['dd'], status: 'paused' }])).toEqual({ kind: 'open', counterId: 'k3', counterNumber: 3 });
  });
  it('else gives the field to the working counter with the fewest fields', () => {
    const working = [
      { id: 'k1', number: 1, serviceIds: ['ht', 'ct'], status: 'open' },
      { id: 'k2', number: 2, serviceIds: ['ht'], status: 'open' },
      { id: 'k5', number: 5, serviceIds: ['dd'], status: 'unstaffed' },
    ];
    expect(oneTap(s, working)).toEqual({ kind: 'addField', counterId: 'k2', counterNumber: 2, serviceIds: ['ht', 'dd'] });
  });
  it('offers nothing where nobody works and no counter can be resumed', () => {
    expect(oneTap(s, [{ id: 'k5', number: 5, serviceIds: ['dd'], status: 'unstaffed' }])).toBeNull();
  });
});
