import type { Lang } from '@mot-cua/config/strings/index.ts';
import { localName } from '@mot-cua/ui-shared/names.ts';
import type { Center } from './types.ts';

export function serviceName(center: Center | null, serviceId: string, lang: Lang): string {
  return localName(center?.services.find((s) => s.id === serviceId), lang) || serviceId;
}

export function priorityName(center: Center | null, categoryId: string | null | undefined, lang: Lang): string {
  if (!categoryId) return '';
  return localName(center?.priorityCategories.find((p) => p.id === categoryId), lang) || categoryId;
}
