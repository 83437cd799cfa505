-- 0011_announcements: announcements of a school's staff (or of diaryctl) to
-- the families of a class, of levels, or of the whole school. Each
-- recipient's delivery is a notice (kind 'announcement');
-- announcement_notices names the notices of an announcement by key, so that
-- its sender sees their statuses. staff_id is NULL for an announcement sent
-- with diaryctl; class_id is set for one class, level_from and level_to
-- (grades) for levels, all empty for the school. The attached file is kept
-- once here (file_data NULL when none): every notice of the announcement
-- reads it with its own files.

CREATE TABLE announcements (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	staff_id    INTEGER REFERENCES staff (id),
	class_id    INTEGER REFERENCES classes (id),
	level_from  INTEGER NOT NULL,
	level_to    INTEGER NOT NULL,
	text        TEXT    NOT NULL,
	file_name   TEXT    NOT NULL,
	file_mime   TEXT    NOT NULL,
	file_data   BLOB,
	recipients  INTEGER NOT NULL,
	unreachable INTEGER NOT NULL,
	created_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX announcements_sender ON announcements (school_id, staff_id, created_at);

CREATE TABLE announcement_notices (
	announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
	notice_key      TEXT    NOT NULL,
	PRIMARY KEY (announcement_id, notice_key)
) STRICT, WITHOUT ROWID;
