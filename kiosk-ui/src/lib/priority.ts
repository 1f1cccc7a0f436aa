// The priority a scanned card gives by itself: the category with the highest
// minAge the citizen has reached (DOMAIN: elderly from full 60 years).
import type { PriorityCategory } from './types.ts';

export function categoryForAge(categories: PriorityCategory[], age: number | null | undefined): PriorityCategory | null {
  if (age == null || !Number.isFinite(age)) return null;
  let best: PriorityCategory | null = null;
  for (const c of categories) {
    if (c.minAge != null && age >= c.minAge && (!best || (best.minAge ?? 0) < c.minAge)) best = c;
  }
  return best;
}
