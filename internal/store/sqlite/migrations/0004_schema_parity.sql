-- 0004_schema_parity: the two stores' schemas made the same, as the parity
-- test (internal/store/schema_test.go) compares them after migration:
-- columns by kind and nullability, keys, indexes by name, columns and
-- predicate, CHECK constraints by the columns they read. SQLite changes a
-- column only by rebuilding its table: create the new one, copy the rows,
-- drop the old one, rename the new one, create its indexes again.
-- sqlite: foreign keys off

-- staff: an unknown start or end of work is NULL, as on PostgreSQL.
CREATE TABLE staff_new (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	ext_id      TEXT    NOT NULL,
	last_name   TEXT    NOT NULL,
	first_name  TEXT    NOT NULL,
	middle_name TEXT    NOT NULL,
	phone       TEXT    NOT NULL,
	email       TEXT    NOT NULL,
	active_from TEXT,
	active_to   TEXT,
	UNIQUE (school_id, ext_id)
) STRICT;
INSERT INTO staff_new SELECT id, school_id, ext_id, last_name, first_name, middle_name, phone, email,
	nullif(active_from, ''), nullif(active_to, '') FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;

-- staff_roles: an id keeps the roles in the order they were given (it was
-- the rowid).
CREATE TABLE staff_roles_new (
	id       INTEGER PRIMARY KEY,
	staff_id INTEGER NOT NULL REFERENCES staff (id),
	role     TEXT    NOT NULL,
	class_id INTEGER REFERENCES classes (id),
	level    TEXT    NOT NULL
) STRICT;
INSERT INTO staff_roles_new SELECT rowid, staff_id, role, class_id, level FROM staff_roles;
DROP TABLE staff_roles;
ALTER TABLE staff_roles_new RENAME TO staff_roles;
CREATE INDEX staff_roles_staff ON staff_roles (staff_id);
CREATE INDEX staff_roles_role ON staff_roles (role, staff_id);
CREATE INDEX staff_roles_class ON staff_roles (class_id) WHERE class_id IS NOT NULL;

-- students: an unknown birth or leaving date is NULL; the status is checked.
CREATE TABLE students_new (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	ext_id      TEXT    NOT NULL,
	last_name   TEXT    NOT NULL,
	first_name  TEXT    NOT NULL,
	middle_name TEXT    NOT NULL,
	class_id    INTEGER REFERENCES classes (id), -- NULL: left with no class known
	birth_date  TEXT,
	phone       TEXT    NOT NULL,
	email       TEXT    NOT NULL,
	status      TEXT    NOT NULL CHECK (status IN ('enrolled', 'left')),
	left_on     TEXT,
	left_reason TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
INSERT INTO students_new SELECT id, school_id, ext_id, last_name, first_name, middle_name, class_id,
	nullif(birth_date, ''), phone, email, status, nullif(left_on, ''), left_reason, updated_at FROM students;
DROP TABLE students;
ALTER TABLE students_new RENAME TO students;
CREATE INDEX students_class ON students (class_id, status);
CREATE INDEX students_school_status ON students (school_id, status);

-- grades: the value and the weight are checked; the index is the one both
-- stores read a student's period by.
CREATE TABLE grades_new (
	id          INTEGER PRIMARY KEY,
	school_id   INTEGER NOT NULL REFERENCES schools (id),
	ext_id      TEXT    NOT NULL,
	student_id  INTEGER NOT NULL REFERENCES students (id),
	subject_id  INTEGER NOT NULL REFERENCES subjects (id),
	lesson_id   INTEGER REFERENCES lessons (id),
	teacher_id  INTEGER REFERENCES staff (id),
	period_id   INTEGER NOT NULL REFERENCES periods (id),
	date        TEXT    NOT NULL,
	value       INTEGER CHECK (value BETWEEN 1 AND 5),
	mark        TEXT,
	work_type   TEXT    NOT NULL,
	weight      INTEGER NOT NULL CHECK (weight >= 0),
	description TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL,
	UNIQUE (school_id, ext_id)
) STRICT;
INSERT INTO grades_new SELECT id, school_id, ext_id, student_id, subject_id, lesson_id, teacher_id,
	period_id, date, value, mark, work_type, weight, description, updated_at FROM grades;
DROP TABLE grades;
ALTER TABLE grades_new RENAME TO grades;
CREATE INDEX grades_student_period ON grades (student_id, period_id);

-- attendance: the lesson's date is repeated, so a student's marks are read
-- by date without the lessons.
CREATE TABLE attendance_new (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	student_id INTEGER NOT NULL REFERENCES students (id),
	lesson_id  INTEGER NOT NULL REFERENCES lessons (id),
	date       TEXT    NOT NULL,
	mark       TEXT    NOT NULL,
	UNIQUE (student_id, lesson_id)
) STRICT;
INSERT INTO attendance_new SELECT a.id, a.school_id, a.student_id, a.lesson_id, l.date, a.mark
	FROM attendance a JOIN lessons l ON l.id = a.lesson_id;
DROP TABLE attendance;
ALTER TABLE attendance_new RENAME TO attendance;
CREATE INDEX attendance_lesson ON attendance (lesson_id);
CREATE INDEX attendance_student_date ON attendance (student_id, date);

-- expected_grades: the school of the student is kept with the grade; the
-- value is checked.
CREATE TABLE expected_grades_new (
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	student_id INTEGER NOT NULL REFERENCES students (id),
	subject_id INTEGER NOT NULL REFERENCES subjects (id),
	period_id  INTEGER NOT NULL REFERENCES periods (id),
	teacher_id INTEGER REFERENCES staff (id),
	value      INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
	reason     TEXT    NOT NULL,
	set_at     TEXT    NOT NULL,
	PRIMARY KEY (student_id, period_id, subject_id)
) STRICT, WITHOUT ROWID;
INSERT INTO expected_grades_new SELECT s.school_id, e.student_id, e.subject_id, e.period_id, e.teacher_id,
	e.value, e.reason, e.set_at FROM expected_grades e JOIN students s ON s.id = e.student_id;
DROP TABLE expected_grades;
ALTER TABLE expected_grades_new RENAME TO expected_grades;

-- Indexes: the ones PostgreSQL has, and not the one it found redundant
-- (final_grades_key already leads with student_id).
DROP INDEX lessons_class_date;
CREATE INDEX lessons_class_date ON lessons (class_id, date);
CREATE INDEX groups_class ON groups (class_id);
CREATE INDEX periods_year ON periods (year_id);
DROP INDEX final_grades_student_year;
