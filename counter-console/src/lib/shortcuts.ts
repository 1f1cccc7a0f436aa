// One key per action, so an official can serve a whole morning without the mouse.
export type Action = 'next' | 'recall' | 'start' | 'finish' | 'noShow' | 'transfer' | 'park';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** Tag of the focused element: typing into a field must never call a citizen. */
  targetTag?: string;
}

const byKey: Record<string, Action> = {
  F1: 'next',
  ' ': 'next',
  r: 'recall',
  s: 'start',
  f: 'finish',
  n: 'noShow',
  t: 'transfer',
  p: 'park',
};

export const shortcutOrder: Action[] = ['next', 'recall', 'start', 'finish', 'noShow', 'transfer', 'park'];

/** Keys 1–4 pick what the visit achieved before F finishes it (the order of OUTCOMES). */
export function outcomeIndexForKey(e: KeyLike): number | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const tag = (e.targetTag ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  return /^[1-4]$/.test(e.key) ? Number(e.key) - 1 : null;
}

export function actionForKey(e: KeyLike): Action | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const tag = (e.targetTag ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  // Space on a focused button already clicks it; taking it here would act twice.
  if (e.key === ' ' && tag === 'BUTTON') return null;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return byKey[k] ?? null;
}
