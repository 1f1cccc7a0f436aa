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

/** The part of the kiosk's session that the card's age decides. */
export interface AgePriority {
  priorityCategoryId: string | null;
  /** the group came from the card, not from the citizen's choice */
  priorityAuto: boolean;
  /** a scanned age whose group is not known yet: the centre's groups had not loaded at the scan */
  pendingAge: number | null;
}

/**
 * A card's age into the session: its group at once when the centre's groups are
 * known (`categories` not null), else the age is kept until they are
 * (`settlePendingAge`), so a card scanned before the centre loaded still gets it.
 */
export function takeCardAge<C extends AgeCategory>(s: AgePriority, age: number | null | undefined, categories: readonly C[] | null): C | null {
  if (categories === null) {
    s.pendingAge = age != null && Number.isFinite(age) ? age : null;
    return null;
  }
  s.pendingAge = null;
  const auto = categoryForAge(categories, age);
  if (auto) {
    s.priorityCategoryId = auto.id;
    s.priorityAuto = true;
  }
  return auto;
}

/** Once the centre's groups are known: the group of an age kept from an earlier scan, if any. */
export function settlePendingAge<C extends AgeCategory>(s: AgePriority, categories: readonly C[]): C | null {
  if (s.pendingAge === null) return null;
  return takeCardAge(s, s.pendingAge, categories);
}
