// The store contract against PostgreSQL: each case a centre of its own in one
// database, with group commit, as the server runs it.
import { storeContract } from '../contract.ts';
import { PostgresPort } from './pg-port.ts';
import { freshCenterId, testDatabaseUrl } from './test-pg.ts';

storeContract('postgres', async () => {
  const url = testDatabaseUrl();
  const centerId = freshCenterId('contract');
  const port = await PostgresPort.open({ url, centerId });
  const others: PostgresPort[] = [];
  return {
    port,
    reopen: async () => {
      const p = await PostgresPort.open({ url, centerId });
      others.push(p);
      return p;
    },
    close: async () => {
      for (const p of others) await p.close();
      await port.close();
    },
  };
});
