// Schema migrations, applied in order; PRAGMA user_version records how far a file has come.
// A migration may need the centre the file is opened for (its id goes into every row).
export type Migration = string | ((ctx: { centerId: string }) => string);

/** Every table: each carries the centre's id (issue 15.1), as on PostgreSQL, so a file's rows can join a database of many centres. */
const TABLES = ['tickets', 'day_sequences', 'events', 'idempotency', 'users', 'sessions', 'devices', 'counter_state', 'alerts', 'audit', 'dossiers', 'bookings', 'meta'];
const sqlText = (v: string) => `'${v.replaceAll("'", "''")}'`;

export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL,
    leg INTEGER NOT NULL,
    number TEXT NOT NULL,
    day TEXT NOT NULL,
    seq INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    status TEXT NOT NULL,
    priority_category_id TEXT,
    channel TEXT NOT NULL,
    kiosk_id TEXT,
    arrived_at INTEGER NOT NULL,
    enqueued_at INTEGER NOT NULL,
    booked_at INTEGER,
    called_at INTEGER,
    wait_end_at INTEGER,
    call_count INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER,
    finished_at INTEGER,
    counter_id TEXT,
    staff TEXT,
    prior_wait_ms INTEGER NOT NULL DEFAULT 0,
    procedure_code TEXT,
    citizen_name TEXT,
    citizen_age INTEGER,
    id_hash TEXT,
    id_last4 TEXT,
    printed INTEGER,
    transferred_to TEXT,
    rating INTEGER,
    lang TEXT
  );
  -- A number never repeats within a day (transfers keep their number, so only first legs count).
  CREATE UNIQUE INDEX tickets_day_number ON tickets(day, number) WHERE leg = 0;
  CREATE INDEX tickets_open ON tickets(status) WHERE status IN ('waiting', 'called', 'serving', 'parked');
  CREATE INDEX tickets_day ON tickets(day, leg);
  CREATE INDEX tickets_counter ON tickets(counter_id, status);

  CREATE TABLE day_sequences (
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (day, service_id)
  ) WITHOUT ROWID;

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id TEXT,
    actor TEXT,
    data TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX events_visit ON events(visit_id);
  CREATE INDEX events_day ON events(day);
  CREATE TRIGGER events_append_only_u BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TRIGGER events_append_only_d BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

  CREATE TABLE idempotency (
    key TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    phone TEXT,
    counter_id TEXT,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    disabled INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    counter_id TEXT,
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );

  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    counter_id TEXT,
    token_hash TEXT UNIQUE,
    revoked_at INTEGER,
    last_seen_at INTEGER,
    parts TEXT NOT NULL DEFAULT '[]'
  );

  CREATE TABLE counter_state (
    counter_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    staff TEXT,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    device_id TEXT,
    ticket_id TEXT,
    message TEXT NOT NULL,
    resolved_at INTEGER
  );

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TRIGGER audit_append_only_u BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_append_only_d BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  `,
  `
  CREATE TABLE dossiers (
    code TEXT PRIMARY KEY,
    procedure_code TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    note TEXT
  );

  CREATE TABLE bookings (
    code TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    day TEXT NOT NULL,
    time TEXT NOT NULL,
    booked_at INTEGER NOT NULL,
    full_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    status TEXT NOT NULL,
    ticket_id TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX bookings_slot ON bookings(service_id, day, time);
  `,
  // Looking a number up by day (issuing checks it is free; the phone and counters find a ticket by
  // its number): the partial unique index covers only first legs, so without this every lookup
  // scanned the whole day.
  `
  CREATE INDEX tickets_day_number_leg ON tickets(day, number, leg);
  `,
  // Accounts outside demo mode: the counters an admin lets an official sign in at (a JSON
  // array, NULL for no limit), and settings of the data folder (that it once ran in demo mode).
  `
  ALTER TABLE users ADD COLUMN counter_ids TEXT;
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // The centre's id on every row: rows already there get the centre the file is opened for (the
  // column's default, so the append-only triggers see no UPDATE), as do the rows written after; the
  // file remembers it (meta center_id). One file is one centre's.
  ({ centerId }) =>
    TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN center_id TEXT NOT NULL DEFAULT ${sqlText(centerId)};`).join('\n') +
    `\nINSERT INTO meta (key, value) VALUES ('center_id', ${sqlText(centerId)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value;`,
  // A result pickup's ticket carries the ready dossier it comes for (issue 16.3).
  `
  ALTER TABLE tickets ADD COLUMN dossier_code TEXT;
  `,
  // The fields a counter serves today (issue 13.3): a JSON array, NULL for its configured ones.
  `
  ALTER TABLE counter_state ADD COLUMN service_ids TEXT;
  `,
  // A rating's optional note (issue 16.5): not on the append-only events, so the retention purge can delete it.
  ({ centerId }) => `
  CREATE TABLE rating_notes (
    ticket_id TEXT PRIMARY KEY, at INTEGER NOT NULL, score INTEGER NOT NULL, service_id TEXT NOT NULL,
    counter_id TEXT, staff TEXT, note TEXT NOT NULL, center_id TEXT NOT NULL DEFAULT ${sqlText(centerId)}
  );
  CREATE INDEX rating_notes_at ON rating_notes(at);
  `,
  // What a citizen prepared at the kiosk for a visit (issue 16.2): the documents they have and the
  // declaration prefilled from their CCCD. Its own table, not the event log: the declaration is cleared.
  ({ centerId }) => `
  CREATE TABLE preparations (
    visit_id TEXT PRIMARY KEY,
    procedure_code TEXT NOT NULL,
    have TEXT NOT NULL,
    declaration TEXT,
    at INTEGER NOT NULL,
    center_id TEXT NOT NULL DEFAULT ${sqlText(centerId)}
  );
  `,
  // A number from the phone waits for its holder to check in (issue 17.1): when they did, NULL until
  // then. Phone numbers taken before this are counted as present, as they were treated.
  `
  ALTER TABLE tickets ADD COLUMN checked_in_at INTEGER;
  UPDATE tickets SET checked_in_at = arrived_at WHERE channel = 'mobile';
  `,
  // A booking's reminders (issue 17.2): whether the citizen asked for them; bookings before asked for none.
  `
  ALTER TABLE bookings ADD COLUMN remind INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX bookings_remind ON bookings(booked_at) WHERE remind = 1 AND status = 'booked';
  `,
  // A ticket a kiosk issued offline (issue 17.4): when its replay reached the server; NULL otherwise.
  `
  ALTER TABLE tickets ADD COLUMN synced_at INTEGER;
  `,
];
