import type { Lang } from '@mot-cua/config/strings/index.ts';
import type { Center } from './types.ts';

type Named = { name: string; nameEn?: string };

export function localName(item: Named | undefined, lang: Lang): string {
  if (!item) return '';
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

export function serviceName(center: Center | null, serviceId: string, lang: Lang): string {
  return localName(center?.services.find((s) => s.id === serviceId), lang) || serviceId;
}

export function priorityName(center: Center | null, categoryId: string | null | undefined, lang: Lang): string {
  if (!categoryId) return '';
  return localName(center?.priorityCategories.find((p) => p.id === categoryId), lang) || categoryId;
}
