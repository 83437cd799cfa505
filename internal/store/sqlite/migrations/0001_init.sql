-- 0001_init: the whole diary schema. Dates are 'YYYY-MM-DD' text; instants are
-- UTC RFC 3339 text with nanoseconds (fixed width, so they sort as text).

CREATE TABLE schools (
	id            INTEGER PRIMARY KEY,
	code          TEXT    NOT NULL UNIQUE,
	name          TEXT    NOT NULL,
	time_zone     TEXT    NOT NULL,
	round_up_from INTEGER NOT NULL,
	reply_rule    TEXT    NOT NULL,
	reply_days    INTEGER NOT NULL,
	school_days   INTEGER NOT NULL,
	created_at    TEXT    NOT NULL
) STRICT;

CREATE TABLE years (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	name       TEXT    NOT NULL,
	start_date TEXT    NOT NULL,
	end_date   TEXT    NOT NULL,
	UNIQUE (school_id, name)
) STRICT;

CREATE TABLE periods (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	year_id    INTEGER NOT NULL REFERENCES years (id),
	ext_id     TEXT    NOT NULL,
	name       TEXT    NOT NULL,
	kind       TEXT    NOT NULL,
	min_level  INTEGER NOT NULL,
	max_level  INTEGER NOT NULL,
	start_date TEXT    NOT NULL,
	end_date   TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;

CREATE TABLE days_off (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	name       TEXT    NOT NULL,
	kind       TEXT    NOT NULL,
	min_level  INTEGER NOT NULL,
	max_level  INTEGER NOT NULL,
	start_date TEXT    NOT NULL,
	end_date   TEXT    NOT NULL,
	UNIQUE (school_id, start_date, name)
) STRICT;

CREATE TABLE subjects (
	id        INTEGER PRIMARY KEY,
	school_id INTEGER NOT NULL REFERENCES schools (id),
	ext_id    TEXT    NOT NULL,
	name      TEXT    NOT NULL,
	short     TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;

CREATE TABLE classes (
	id        INTEGER PRIMARY KEY,
	school_id INTEGER NOT NULL REFERENCES schools (id),
	ext_id    TEXT    NOT NULL,
	name      TEXT    NOT NULL,
	level     INTEGER NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
CREATE INDEX classes_school_name ON classes (school_id, name);

CREATE TABLE staff (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	ext_id      TEXT    NOT NULL,
	last_name   TEXT    NOT NULL,
	first_name  TEXT    NOT NULL,
	middle_name TEXT    NOT NULL,
	phone       TEXT    NOT NULL,
	email       TEXT    NOT NULL,
	active_from TEXT    NOT NULL,
	active_to   TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;

CREATE TABLE staff_roles (
	staff_id INTEGER NOT NULL REFERENCES staff (id),
	role     TEXT    NOT NULL,
	class_id INTEGER REFERENCES classes (id),
	level    TEXT    NOT NULL
) STRICT;
CREATE INDEX staff_roles_staff ON staff_roles (staff_id);
CREATE INDEX staff_roles_role ON staff_roles (role, staff_id);
CREATE INDEX staff_roles_class ON staff_roles (class_id) WHERE class_id IS NOT NULL;

CREATE TABLE students (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	ext_id      TEXT    NOT NULL,
	last_name   TEXT    NOT NULL,
	first_name  TEXT    NOT NULL,
	middle_name TEXT    NOT NULL,
	class_id    INTEGER REFERENCES classes (id), -- NULL: left with no class known
	birth_date  TEXT    NOT NULL,
	phone       TEXT    NOT NULL,
	email       TEXT    NOT NULL,
	status      TEXT    NOT NULL,
	left_on     TEXT    NOT NULL,
	left_reason TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
CREATE INDEX students_class ON students (class_id, status);
CREATE INDEX students_school_status ON students (school_id, status);

CREATE TABLE groups (
	id        INTEGER PRIMARY KEY,
	school_id INTEGER NOT NULL REFERENCES schools (id),
	ext_id    TEXT    NOT NULL,
	class_id  INTEGER NOT NULL REFERENCES classes (id),
	name      TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;

CREATE TABLE group_members (
	group_id   INTEGER NOT NULL REFERENCES groups (id),
	student_id INTEGER NOT NULL REFERENCES students (id),
	PRIMARY KEY (group_id, student_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX group_members_student ON group_members (student_id);

CREATE TABLE guardians (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	ext_id      TEXT    NOT NULL,
	last_name   TEXT    NOT NULL,
	first_name  TEXT    NOT NULL,
	middle_name TEXT    NOT NULL,
	kind        TEXT    NOT NULL,
	phone       TEXT    NOT NULL,
	email       TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
CREATE INDEX guardians_phone ON guardians (phone);

CREATE TABLE guardian_students (
	guardian_id INTEGER NOT NULL REFERENCES guardians (id),
	student_id  INTEGER NOT NULL REFERENCES students (id),
	PRIMARY KEY (guardian_id, student_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX guardian_students_student ON guardian_students (student_id);

CREATE TABLE lessons (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	ext_id     TEXT    NOT NULL,
	class_id   INTEGER NOT NULL REFERENCES classes (id),
	group_id   INTEGER REFERENCES groups (id),
	subject_id INTEGER NOT NULL REFERENCES subjects (id),
	teacher_id INTEGER REFERENCES staff (id),
	date       TEXT    NOT NULL,
	number     INTEGER NOT NULL,
	topic      TEXT    NOT NULL,
	homework   TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
CREATE INDEX lessons_class_date ON lessons (class_id, date, subject_id);

CREATE TABLE grades (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	ext_id      TEXT    NOT NULL,
	student_id  INTEGER NOT NULL REFERENCES students (id),
	subject_id  INTEGER NOT NULL REFERENCES subjects (id),
	lesson_id   INTEGER REFERENCES lessons (id),
	teacher_id  INTEGER REFERENCES staff (id),
	period_id   INTEGER NOT NULL REFERENCES periods (id),
	date        TEXT    NOT NULL,
	value       INTEGER,
	mark        TEXT,
	work_type   TEXT    NOT NULL,
	weight      INTEGER NOT NULL,
	description TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
CREATE INDEX grades_student_period ON grades (student_id, period_id, subject_id, date);

CREATE TABLE attendance (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	student_id INTEGER NOT NULL REFERENCES students (id),
	lesson_id  INTEGER NOT NULL REFERENCES lessons (id),
	mark       TEXT    NOT NULL,
	UNIQUE (student_id, lesson_id)
) STRICT;
CREATE INDEX attendance_lesson ON attendance (lesson_id);

CREATE TABLE homework (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	ext_id     TEXT    NOT NULL,
	student_id INTEGER NOT NULL REFERENCES students (id),
	subject_id INTEGER NOT NULL REFERENCES subjects (id),
	lesson_id  INTEGER REFERENCES lessons (id),
	date       TEXT    NOT NULL,
	text       TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
CREATE INDEX homework_student_date ON homework (student_id, date);

CREATE TABLE final_grades (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	student_id INTEGER NOT NULL REFERENCES students (id),
	subject_id INTEGER NOT NULL REFERENCES subjects (id),
	kind       TEXT    NOT NULL,
	year_id    INTEGER NOT NULL REFERENCES years (id),
	period_id  INTEGER REFERENCES periods (id),
	value      INTEGER,
	mark       TEXT,
	updated_at TEXT    NOT NULL
) STRICT;
CREATE UNIQUE INDEX final_grades_key
	ON final_grades (student_id, subject_id, kind, year_id, coalesce(period_id, 0));
CREATE INDEX final_grades_student_year ON final_grades (student_id, year_id);

CREATE TABLE expected_grades (
	student_id INTEGER NOT NULL REFERENCES students (id),
	subject_id INTEGER NOT NULL REFERENCES subjects (id),
	period_id  INTEGER NOT NULL REFERENCES periods (id),
	teacher_id INTEGER REFERENCES staff (id),
	value      INTEGER NOT NULL,
	reason     TEXT    NOT NULL,
	set_at     TEXT    NOT NULL,
	PRIMARY KEY (student_id, period_id, subject_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE aggregates (
	student_id INTEGER NOT NULL REFERENCES students (id),
	period_id  INTEGER NOT NULL REFERENCES periods (id),
	subject_id INTEGER NOT NULL REFERENCES subjects (id),
	sum        INTEGER NOT NULL,
	weights    INTEGER NOT NULL,
	count      INTEGER NOT NULL,
	PRIMARY KEY (student_id, period_id, subject_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	name       TEXT    NOT NULL,
	hash       TEXT    NOT NULL UNIQUE,
	created_at TEXT    NOT NULL,
	revoked_at TEXT
) STRICT;
