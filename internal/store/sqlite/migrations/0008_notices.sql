-- 0008_notices: what to tell whom and why, with their attachments and
-- history. Each is delivered by a River job inserted in the same transaction
-- (River's own tables, river_*, are created by River's migrations, run after
-- these). key is the idempotency key: kind + recipient + what it is about +
-- period/week/thread; enqueueing a key twice is a no-op.

CREATE TABLE notices (
	id              INTEGER PRIMARY KEY,
	key             TEXT    NOT NULL UNIQUE,
	kind            TEXT    NOT NULL,
	school_id       INTEGER NOT NULL REFERENCES schools (id),
	recipient_kind  TEXT    NOT NULL CHECK (recipient_kind IN ('guardian', 'student', 'staff')),
	recipient_id    INTEGER NOT NULL,
	language        TEXT    NOT NULL,
	subject         TEXT    NOT NULL,
	html            TEXT    NOT NULL,
	text            TEXT    NOT NULL,
	urgent          INTEGER NOT NULL CHECK (urgent IN (0, 1)),
	ack_required    INTEGER NOT NULL CHECK (ack_required IN (0, 1)),
	status          TEXT    NOT NULL CHECK (status IN ('queued', 'held', 'sent', 'sent_email', 'failed')),
	created_at      TEXT    NOT NULL,
	not_before      TEXT    NOT NULL,
	sent_at         TEXT,
	channel         TEXT    NOT NULL DEFAULT '',
	attempts        INTEGER NOT NULL DEFAULT 0,
	last_error      TEXT    NOT NULL DEFAULT '',
	acknowledged_at TEXT
) STRICT;
CREATE INDEX notices_recipient ON notices (recipient_kind, recipient_id, created_at);
CREATE INDEX notices_status ON notices (status, created_at);

CREATE TABLE notice_files (
	id        INTEGER PRIMARY KEY,
	notice_id INTEGER NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
	name      TEXT    NOT NULL,
	mime      TEXT    NOT NULL,
	data      BLOB    NOT NULL
) STRICT;
CREATE INDEX notice_files_notice ON notice_files (notice_id);

CREATE TABLE notice_events (
	id        INTEGER PRIMARY KEY,
	notice_id INTEGER NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
	at        TEXT    NOT NULL,
	status    TEXT    NOT NULL,
	detail    TEXT    NOT NULL
) STRICT;
CREATE INDEX notice_events_notice ON notice_events (notice_id, id);
