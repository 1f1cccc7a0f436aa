import { describe, expect, it } from 'vitest';
import { categoryForAge } from './priority.ts';

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
