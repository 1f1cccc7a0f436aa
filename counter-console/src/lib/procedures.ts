// The name of the procedure the citizen chose at the kiosk, looked up once per code.
import type { Lang } from '@mot-cua/config/strings/index.ts';
import { api } from '@mot-cua/ui-shared/api.ts';
import { localName } from '@mot-cua/ui-shared/names.ts';

const cache = new Map<string, Promise<{ name: string; nameEn?: string } | null>>();

export async function procedureTitle(code: string, lang: Lang): Promise<string | null> {
  let p = cache.get(code);
  if (!p) {
    p = api<{ name: string; nameEn?: string }>(`/procedures/${encodeURIComponent(code)}`).catch(() => null);
    cache.set(code, p);
  }
  const proc = await p;
  return proc ? localName(proc, lang) : null;
}
