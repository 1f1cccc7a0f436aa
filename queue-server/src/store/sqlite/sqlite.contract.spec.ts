// The store contract against SQLite: a fresh file with group commit on, as the server runs it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storeContract } from '../contract.ts';
import { SqlitePort } from './sqlite-port.ts';
import { Store } from './sqlite-store.ts';

storeContract('sqlite', async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-contract-')), 'queue.db');
  const port = new SqlitePort(Store.open({ file, groupCommit: true }));
  const others: SqlitePort[] = [];
  return {
    port,
    reopen: async () => {
      const p = new SqlitePort(Store.open({ file }));
      others.push(p);
      return p;
    },
    close: async () => {
      for (const p of others) await p.close();
      await port.close();
    },
  };
});
