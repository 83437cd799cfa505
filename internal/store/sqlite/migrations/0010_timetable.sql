-- 0010_timetable: the weekly timetable (issue 9, item 2) and days off of one
-- class (a quarantine). A slot is one lesson of a class's or group's week:
-- weekday 1 (Monday) … 6 (Saturday), lesson number, subject, teacher, and
-- the dates it is valid between (NULL: unbounded). The planned lessons are
-- projected from the slots over the calendar in Go, never stored.

CREATE TABLE timetable_slots (
	id         INTEGER PRIMARY KEY,
	school_id  INTEGER NOT NULL REFERENCES schools (id),
	class_id   INTEGER NOT NULL REFERENCES classes (id),
	group_id   INTEGER REFERENCES groups (id),
	subject_id INTEGER NOT NULL REFERENCES subjects (id),
	teacher_id INTEGER REFERENCES staff (id),
	weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 6),
	number     INTEGER NOT NULL CHECK (number >= 1),
	valid_from TEXT,
	valid_to   TEXT
) STRICT;
CREATE INDEX timetable_slots_class ON timetable_slots (class_id, subject_id);

ALTER TABLE days_off ADD COLUMN class_id INTEGER REFERENCES classes (id);
