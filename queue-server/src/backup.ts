// `npm run backup [-- file]` / `npm run restore -- file`: online backup and restore of DATA_DIR/queue.db.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, restoreDatabase } from './store/sqlite/backup.ts';
import { toIso } from './domain/index.ts';
import { acquireDataLock, DataDirLocked } from './store/data-lock.ts';

const [cmd, file] = process.argv.slice(2);
const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
const dbFile = path.join(dataDir, 'queue.db');

try {
  if (cmd === 'backup') {
    const dest = path.resolve(file ?? path.join(dataDir, 'backups', `queue-${toIso(Date.now()).slice(0, 19).replaceAll(':', '')}.db`));
    const { pages } = await backupDatabase(dbFile, dest);
    process.stdout.write(`Đã sao lưu ${pages} trang vào / backed up to ${dest}\n`);
  } else if (cmd === 'restore' && file) {
    // Never under a running server: the restore holds the folder's lock while it works, so none starts meanwhile.
    mkdirSync(dataDir, { recursive: true });
    let lock;
    try {
      lock = acquireDataLock(dataDir, { role: 'restore' });
    } catch (e) {
      if (!(e instanceof DataDirLocked)) throw e;
      throw new Error(`Không khôi phục khi máy chủ đang chạy: ${e.message} / not restoring while a server runs on the folder`);
    }
    try {
      const { replaced } = restoreDatabase(path.resolve(file), dbFile);
      const kept = replaced ? `\nCơ sở dữ liệu cũ được giữ tại / the replaced database is kept at ${replaced}` : '';
      process.stdout.write(`Đã khôi phục ${dbFile} từ / restored from ${path.resolve(file)}.${kept}\nKhởi động lại máy chủ / start the server again.\n`);
    } finally {
      lock.release();
    }
  } else {
    process.stderr.write('Dùng / usage: backup [file] | restore <file>   (DATA_DIR chọn thư mục dữ liệu / selects the data folder)\n');
    process.exit(2);
  }
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
