// The priority a scanned card gives by itself: the category with the highest
// minAge the citizen has reached (DOMAIN: elderly from full 60 years).

/** Any category with an age from which it applies (the centre's priority categories). */
interface AgeCategory {
  id: string;
  minAge?: number | null;
}

export function categoryForAge<C extends AgeCategory>(categories: readonly C[], age: number | null | undefined): C | null {
  if (age == null || !Number.isFinite(age)) return null;
  let best: C | null = null;
  for (const c of categories) {
    if (c.minAge != null && age >= c.minAge && (!best || (best.minAge ?? 0) < c.minAge)) best = c;
  }
  return best;
}
