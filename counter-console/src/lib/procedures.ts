// The name of the procedure the citizen chose at the kiosk, looked up once per code.
import { api } from './api.ts';
import type { Lang } from '@mot-cua/config/strings/index.ts';

const cache = new Map<string, Promise<{ name: string; nameEn?: string } | null>>();

export async function procedureTitle(code: string, lang: Lang): Promise<string | null> {
  let p = cache.get(code);
  if (!p) {
    p = api<{ name: string; nameEn?: string }>('GET', `/api/v1/procedures/${encodeURIComponent(code)}`).catch(() => null);
    cache.set(code, p);
  }
  const proc = await p;
  if (!proc) return null;
  return lang === 'en' && proc.nameEn ? proc.nameEn : proc.name;
}
