import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provinceStoreContract } from './contract.ts';
import { SqliteProvinceStore } from './sqlite.ts';

provinceStoreContract('sqlite', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-province-'));
  return { store: new SqliteProvinceStore(dir), reopen: async () => new SqliteProvinceStore(dir), centre: (l) => l };
});
