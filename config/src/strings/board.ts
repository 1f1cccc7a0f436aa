import type { Bilingual } from './index.ts';

const vi = {} satisfies Record<string, string>;

export const board: Bilingual<typeof vi> = { vi, en: {} };
