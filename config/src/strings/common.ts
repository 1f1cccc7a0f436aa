import type { Bilingual } from './index.ts';

const vi = {} satisfies Record<string, string>;

export const common: Bilingual<typeof vi> = { vi, en: {} };
