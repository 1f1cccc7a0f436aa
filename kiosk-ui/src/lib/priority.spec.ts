import { describe, expect, it } from 'vitest';
import { categoryForAge, settlePendingAge, takeCardAge, type AgePriority } from './priority.ts';

const cats = [
  { id: 'disabled', name: 'Người khuyết tật' },
  { id: 'elderly', name: 'Người cao tuổi', minAge: 60 },
  { id: 'very-old', name: 'Từ 80 tuổi', minAge: 80 },
];

describe('categoryForAge', () => {
  it('gives the elderly category from full 60 years, not at 59', () => {
    expect(categoryForAge(cats, 60)?.id).toBe('elderly');
    expect(categoryForAge(cats, 59)).toBeNull();
  });
  it('picks the most specific age category', () => {
    expect(categoryForAge(cats, 85)?.id).toBe('very-old');
  });
  it('gives nothing without an age or without age categories', () => {
    expect(categoryForAge(cats, null)).toBeNull();
    expect(categoryForAge(cats, Number.NaN)).toBeNull();
    expect(categoryForAge([{ id: 'x', name: 'X' }], 90)).toBeNull();
  });
});

describe('a card scanned before the centre has loaded', () => {
  const fresh = (): AgePriority => ({ priorityCategoryId: null, priorityAuto: false, pendingAge: null });

  it('keeps the age, gives no group yet, and gives the elderly group once the groups are known', () => {
    const s = fresh();
    expect(takeCardAge(s, 70, null)).toBeNull();
    expect(s).toEqual({ priorityCategoryId: null, priorityAuto: false, pendingAge: 70 });
    expect(settlePendingAge(s, cats)?.id).toBe('elderly');
    expect(s).toEqual({ priorityCategoryId: 'elderly', priorityAuto: true, pendingAge: null });
    // settled once: a later reload of the centre changes nothing
    expect(settlePendingAge(s, cats)).toBeNull();
    expect(s.priorityCategoryId).toBe('elderly');
  });

  it('a scan with the groups known applies at once and holds nothing', () => {
    const s = fresh();
    expect(takeCardAge(s, 85, cats)?.id).toBe('very-old');
    expect(s).toEqual({ priorityCategoryId: 'very-old', priorityAuto: true, pendingAge: null });
  });

  it('a young citizen, or a card without an age, gets nothing and keeps nothing', () => {
    const s = fresh();
    takeCardAge(s, 30, null);
    expect(settlePendingAge(s, cats)).toBeNull();
    expect(s).toEqual({ priorityCategoryId: null, priorityAuto: false, pendingAge: null });
    takeCardAge(s, null, null);
    expect(s.pendingAge).toBeNull();
  });

  it('a choice the citizen made before the groups arrived is not overridden once the age is dropped', () => {
    const s = fresh();
    takeCardAge(s, 70, null);
    // what choosing does (TakeNumber): the card's age no longer decides
    s.pendingAge = null;
    s.priorityCategoryId = 'disabled';
    expect(settlePendingAge(s, cats)).toBeNull();
    expect(s.priorityCategoryId).toBe('disabled');
  });
});
