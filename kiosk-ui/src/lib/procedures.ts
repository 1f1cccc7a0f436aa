// Procedure look-up. The whole list is small (tens to a few hundred), so it is
// fetched once and filtered on the kiosk for instant results; the server's own
// search (?q=) then confirms or widens them.
import { matchesQuery } from '@mot-cua/config/text.ts';
import { api } from '@mot-cua/ui-shared/api.ts';
import type { Procedure } from './types.ts';

let all: Promise<Procedure[]> | null = null;

export function allProcedures(): Promise<Procedure[]> {
  all ??= api<{ procedures: Procedure[] }>('/procedures').then(
    (r) => r.procedures,
    (e: unknown) => {
      all = null; // let the next visit try again
      throw e;
    },
  );
  return all;
}

export function filterProcedures(list: Procedure[], query: string, serviceId: string | null): Procedure[] {
  return list.filter(
    (p) => (!serviceId || p.serviceId === serviceId) && matchesQuery(`${p.name} ${p.nameEn ?? ''} ${p.code}`, query),
  );
}

export async function searchProcedures(query: string, serviceId: string | null): Promise<Procedure[]> {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (serviceId) params.set('serviceId', serviceId);
  const r = await api<{ procedures: Procedure[] }>(`/procedures?${params}`);
  return r.procedures;
}

export async function getProcedure(code: string): Promise<Procedure> {
  const cached = all ? (await all.catch(() => [])).find((p) => p.code === code) : undefined;
  return cached ?? api<Procedure>(`/procedures/${encodeURIComponent(code)}`);
}
