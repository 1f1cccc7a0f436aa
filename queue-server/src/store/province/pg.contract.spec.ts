import { freshCenterId, testDatabaseUrl } from '../postgres/test-pg.ts';
import { provinceStoreContract } from './contract.ts';
import { PostgresProvinceStore } from './postgres.ts';

// One database holds every test's centres: each run names its own.
provinceStoreContract('postgres', async () => {
  const url = testDatabaseUrl();
  const labels = new Map<string, string>();
  return {
    store: await PostgresProvinceStore.open(url),
    reopen: () => PostgresProvinceStore.open(url),
    centre: (l) => labels.get(l) ?? labels.set(l, freshCenterId(`province-${l}`)).get(l)!,
  };
});
