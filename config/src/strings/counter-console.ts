import type { Bilingual } from './index.ts';

const vi = {} satisfies Record<string, string>;

export const counterConsole: Bilingual<typeof vi> = { vi, en: {} };
