-- 0010_timetable: the weekly timetable (issue 9, item 2) and days off of one
-- class (a quarantine). A slot is one lesson of a class's or group's week:
-- weekday 1 (Monday) … 6 (Saturday), lesson number, subject, teacher, and
-- the dates it is valid between (NULL: unbounded). The planned lessons are
-- projected from the slots over the calendar in Go, never stored.

CREATE TABLE timetable_slots (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL REFERENCES schools,
    class_id   bigint NOT NULL REFERENCES classes,
    group_id   bigint REFERENCES groups,
    subject_id bigint NOT NULL REFERENCES subjects,
    teacher_id bigint REFERENCES staff,
    weekday    int NOT NULL CHECK (weekday BETWEEN 1 AND 6),
    number     int NOT NULL CHECK (number >= 1),
    valid_from date,
    valid_to   date
);
CREATE INDEX timetable_slots_class ON timetable_slots (class_id, subject_id);

ALTER TABLE days_off ADD COLUMN class_id bigint REFERENCES classes;
