// The store as the rest of the server sees it. The SQLite implementation
// lives under sqlite/; nothing outside store/ touches a database driver.
export { Store, type StoreOptions } from './sqlite/sqlite-store.ts';
export type { TicketRecord } from './sqlite/ticket.repository.ts';
export { ticketRecord } from './sqlite/ticket.repository.ts';
export type { User, Session, Role } from './sqlite/user.repository.ts';
export type { Device, DevicePart, Alert } from './sqlite/device.repository.ts';
export type { CounterStatus, AuditEntry } from './sqlite/misc.repository.ts';
export type { StoredEvent } from './sqlite/event.repository.ts';
export type { Booking, BookingStatus, Dossier, DossierStatus, DossierSource, SqliteDossierSource } from './sqlite/booking.repository.ts';
