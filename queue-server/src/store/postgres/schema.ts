// The PostgreSQL schema, applied in order; the table `schema_version` records how
// far a database has come. One database holds many centres: every table carries
// the centre's id (CENTER_ID) and every key starts with it. Integers that are
// instants (ms since the epoch) are BIGINT; JSON is kept as TEXT, as SQLite does,
// so what is read back is what was written, key order included.
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tickets (
    center_id TEXT NOT NULL,
    id TEXT NOT NULL,
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
    arrived_at BIGINT NOT NULL,
    enqueued_at BIGINT NOT NULL,
    booked_at BIGINT,
    called_at BIGINT,
    wait_end_at BIGINT,
    call_count INTEGER NOT NULL DEFAULT 0,
    started_at BIGINT,
    finished_at BIGINT,
    counter_id TEXT,
    staff TEXT,
    prior_wait_ms BIGINT NOT NULL DEFAULT 0,
    procedure_code TEXT,
    citizen_name TEXT,
    citizen_age INTEGER,
    id_hash TEXT,
    id_last4 TEXT,
    printed BOOLEAN,
    transferred_to TEXT,
    rating INTEGER,
    lang TEXT,
    PRIMARY KEY (center_id, id)
  );
  -- A number never repeats within a centre's day (transfers keep their number, so only first legs count).
  CREATE UNIQUE INDEX tickets_day_number ON tickets (center_id, day, number) WHERE leg = 0;
  CREATE INDEX tickets_open ON tickets (center_id, status) WHERE status IN ('waiting', 'called', 'serving', 'parked');
  CREATE INDEX tickets_day ON tickets (center_id, day, leg);
  CREATE INDEX tickets_day_number_leg ON tickets (center_id, day, number, leg);
  CREATE INDEX tickets_counter ON tickets (center_id, counter_id, status);

  CREATE TABLE day_sequences (
    center_id TEXT NOT NULL,
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (center_id, day, service_id)
  );

  CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    center_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id TEXT,
    actor TEXT,
    data TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX events_visit ON events (center_id, visit_id);
  CREATE INDEX events_day ON events (center_id, day);

  CREATE TABLE idempotency (
    center_id TEXT NOT NULL,
    key TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (center_id, key)
  );

  CREATE TABLE users (
    center_id TEXT NOT NULL,
    username TEXT NOT NULL,
    full_name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    phone TEXT,
    counter_id TEXT,
    counter_ids TEXT,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (center_id, username)
  );

  CREATE TABLE sessions (
    center_id TEXT NOT NULL,
    id_hash TEXT NOT NULL,
    username TEXT NOT NULL,
    counter_id TEXT,
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (center_id, id_hash)
  );

  CREATE TABLE devices (
    center_id TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    counter_id TEXT,
    token_hash TEXT,
    revoked_at BIGINT,
    last_seen_at BIGINT,
    parts TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (center_id, id),
    UNIQUE (center_id, token_hash)
  );

  CREATE TABLE counter_state (
    center_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    status TEXT NOT NULL,
    staff TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (center_id, counter_id)
  );

  CREATE TABLE alerts (
    id BIGSERIAL PRIMARY KEY,
    center_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    device_id TEXT,
    ticket_id TEXT,
    message TEXT NOT NULL,
    resolved_at BIGINT
  );
  CREATE INDEX alerts_open ON alerts (center_id, device_id, kind) WHERE resolved_at IS NULL;

  CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    center_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX audit_recent ON audit (center_id, id);

  CREATE TABLE dossiers (
    center_id TEXT NOT NULL,
    code TEXT NOT NULL,
    procedure_code TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    note TEXT,
    PRIMARY KEY (center_id, code)
  );

  CREATE TABLE bookings (
    center_id TEXT NOT NULL,
    code TEXT NOT NULL,
    service_id TEXT NOT NULL,
    day TEXT NOT NULL,
    time TEXT NOT NULL,
    booked_at BIGINT NOT NULL,
    full_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    status TEXT NOT NULL,
    ticket_id TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (center_id, code)
  );
  CREATE INDEX bookings_slot ON bookings (center_id, service_id, day, time);
  CREATE INDEX idempotency_age ON idempotency (center_id, created_at);

  CREATE TABLE meta (
    center_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (center_id, key)
  );

  -- The event and audit logs are append-only: a trigger refuses any change, and the
  -- application's role (the one migrating, which owns the tables) loses the right to try.
  CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END $$;
  CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_change();
  CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
  CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_change();
  CREATE TRIGGER audit_append_only_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
  REVOKE UPDATE, DELETE, TRUNCATE ON events, audit FROM PUBLIC;
  REVOKE UPDATE, DELETE, TRUNCATE ON events, audit FROM CURRENT_USER;
  `,
  // A result pickup's ticket carries the ready dossier it comes for (issue 16.3).
  `
  ALTER TABLE tickets ADD COLUMN dossier_code TEXT;
  `,
  // The fields a counter serves today (issue 13.3): a JSON array, NULL for its configured ones.
  `
  ALTER TABLE counter_state ADD COLUMN service_ids TEXT;
  `,
  // A rating's optional note (issue 16.5): not on the append-only events, so the retention purge can delete it.
  `
  CREATE TABLE rating_notes (
    center_id TEXT NOT NULL, ticket_id TEXT NOT NULL, at BIGINT NOT NULL, score INTEGER NOT NULL, service_id TEXT NOT NULL,
    counter_id TEXT, staff TEXT, note TEXT NOT NULL, PRIMARY KEY (center_id, ticket_id)
  );
  CREATE INDEX rating_notes_at ON rating_notes(center_id, at);
  `,
  // issue 16.2: what a citizen prepared at the kiosk (the declaration is personal, and cleared).
  `
  CREATE TABLE preparations (
    center_id TEXT NOT NULL,
    visit_id TEXT NOT NULL,
    procedure_code TEXT NOT NULL,
    have TEXT NOT NULL,
    declaration TEXT,
    at BIGINT NOT NULL,
    PRIMARY KEY (center_id, visit_id)
  );
  `,
  // A number from the phone waits for its holder to check in (issue 17.1): when they did, NULL until
  // then. Phone numbers taken before this are counted as present, as they were treated.
  `
  ALTER TABLE tickets ADD COLUMN checked_in_at BIGINT;
  UPDATE tickets SET checked_in_at = arrived_at WHERE channel = 'mobile';
  `,
  // A booking's reminders (issue 17.2): whether the citizen asked for them; bookings before asked for none.
  `
  ALTER TABLE bookings ADD COLUMN remind BOOLEAN NOT NULL DEFAULT FALSE;
  CREATE INDEX bookings_remind ON bookings (center_id, booked_at) WHERE remind AND status = 'booked';
  `,
  // A ticket a kiosk issued offline (issue 17.4): when its replay reached the server; NULL otherwise.
  `
  ALTER TABLE tickets ADD COLUMN synced_at BIGINT;
  `,
];
