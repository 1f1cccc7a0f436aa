// The store as the rest of the server sees it: the records (records.ts), the
// port (port.ts) and, for now, the SQLite store itself for what does not go
// through the port yet. Nothing outside store/ touches a database driver.
export { Store, type StoreOptions } from './sqlite/sqlite-store.ts';
export { SqlitePort } from './sqlite/sqlite-port.ts';
export type * from './port.ts';
export * from './records.ts';
