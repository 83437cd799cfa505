-- 0002_identity: verified linking of Telegram users (one-time codes, phone),
-- consent, access requests, chats and the record of diary views. Telegram
-- user and chat ids are integers; instants are UTC text as in 0001.

CREATE TABLE link_codes (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	kind        TEXT    NOT NULL CHECK (kind IN ('guardian', 'student', 'staff')),
	guardian_id INTEGER REFERENCES guardians (id),
	student_id  INTEGER REFERENCES students (id),
	staff_id    INTEGER REFERENCES staff (id),
	hash        TEXT    NOT NULL UNIQUE,
	created_at  TEXT    NOT NULL,
	expires_at  TEXT    NOT NULL,
	used_at     TEXT,
	used_by     INTEGER,
	created_by  INTEGER REFERENCES staff (id)
) STRICT;
CREATE INDEX link_codes_student ON link_codes (student_id) WHERE student_id IS NOT NULL;

CREATE TABLE links (
	id               INTEGER PRIMARY KEY,
	school_id        INTEGER NOT NULL REFERENCES schools (id),
	kind             TEXT    NOT NULL CHECK (kind IN ('guardian', 'student', 'staff')),
	telegram_user_id INTEGER NOT NULL,
	chat_id          INTEGER NOT NULL,
	guardian_id      INTEGER REFERENCES guardians (id),
	student_id       INTEGER REFERENCES students (id),
	staff_id         INTEGER REFERENCES staff (id),
	created_at       TEXT    NOT NULL,
	ended_at         TEXT,
	end_reason       TEXT    NOT NULL DEFAULT ''
) STRICT;
-- One active link per user and person.
CREATE UNIQUE INDEX links_active ON links (telegram_user_id, kind, coalesce(guardian_id, 0),
	coalesce(student_id, 0), coalesce(staff_id, 0)) WHERE ended_at IS NULL;
CREATE INDEX links_student ON links (student_id) WHERE ended_at IS NULL;
CREATE INDEX links_school_active ON links (school_id) WHERE ended_at IS NULL;

CREATE TABLE consents (
	id               INTEGER PRIMARY KEY,
	telegram_user_id INTEGER NOT NULL,
	guardian_id      INTEGER REFERENCES guardians (id),
	student_id       INTEGER NOT NULL REFERENCES students (id),
	version          TEXT    NOT NULL,
	accepted_at      TEXT    NOT NULL,
	withdrawn_at     TEXT
) STRICT;
CREATE UNIQUE INDEX consents_active ON consents (telegram_user_id, student_id, version)
	WHERE withdrawn_at IS NULL;
CREATE INDEX consents_student ON consents (student_id, accepted_at);

CREATE TABLE access_requests (
	id               INTEGER PRIMARY KEY,
	school_id        INTEGER NOT NULL REFERENCES schools (id),
	telegram_user_id INTEGER NOT NULL,
	chat_id          INTEGER NOT NULL,
	name             TEXT    NOT NULL,
	phone            TEXT    NOT NULL,
	child_name       TEXT    NOT NULL,
	class_name       TEXT    NOT NULL,
	created_at       TEXT    NOT NULL,
	resolved_at      TEXT,
	resolution       TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX access_requests_school ON access_requests (school_id, created_at);
CREATE INDEX access_requests_open ON access_requests (school_id, created_at) WHERE resolved_at IS NULL;

CREATE TABLE visits (
	id               INTEGER PRIMARY KEY,
	school_id        INTEGER NOT NULL REFERENCES schools (id),
	telegram_user_id INTEGER NOT NULL,
	guardian_id      INTEGER,
	student_id       INTEGER,
	staff_id         INTEGER,
	view_name        TEXT    NOT NULL,
	at               TEXT    NOT NULL
) STRICT;
CREATE INDEX visits_school_at ON visits (school_id, at);
CREATE INDEX visits_student_at ON visits (student_id, at) WHERE student_id IS NOT NULL;

CREATE TABLE chats (
	chat_id          INTEGER PRIMARY KEY,
	telegram_user_id INTEGER NOT NULL,
	language         TEXT    NOT NULL,
	blocked_at       TEXT,
	updated_at       TEXT    NOT NULL
) STRICT;
CREATE INDEX chats_user ON chats (telegram_user_id);
