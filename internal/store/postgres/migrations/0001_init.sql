-- The diary schema. Dates are `date`, instants `timestamptz`; ids are bigint
-- identities; every journal row carries its school_id.

CREATE TABLE schools (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text NOT NULL UNIQUE,
    name          text NOT NULL,
    time_zone     text NOT NULL,
    round_up_from int NOT NULL,
    reply_rule    text NOT NULL,
    reply_days    int NOT NULL,
    school_days   int NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE years (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL REFERENCES schools,
    name       text NOT NULL,
    start_date date NOT NULL,
    end_date   date NOT NULL,
    UNIQUE (school_id, name)
);

CREATE TABLE periods (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL REFERENCES schools,
    year_id    bigint NOT NULL REFERENCES years,
    ext_id     text NOT NULL,
    name       text NOT NULL,
    kind       text NOT NULL,
    min_level  int NOT NULL,
    max_level  int NOT NULL,
    start_date date NOT NULL,
    end_date   date NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX periods_year ON periods (year_id);

CREATE TABLE days_off (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL REFERENCES schools,
    name       text NOT NULL,
    kind       text NOT NULL,
    min_level  int NOT NULL,
    max_level  int NOT NULL,
    start_date date NOT NULL,
    end_date   date NOT NULL,
    UNIQUE (school_id, start_date, name)
);

CREATE TABLE subjects (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id bigint NOT NULL REFERENCES schools,
    ext_id    text NOT NULL,
    name      text NOT NULL,
    short     text NOT NULL,
    UNIQUE (school_id, ext_id)
);

CREATE TABLE classes (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id bigint NOT NULL REFERENCES schools,
    ext_id    text NOT NULL,
    name      text NOT NULL,
    level     int NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX classes_name ON classes (school_id, name);

CREATE TABLE groups (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id bigint NOT NULL REFERENCES schools,
    ext_id    text NOT NULL,
    class_id  bigint NOT NULL REFERENCES classes,
    name      text NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX groups_class ON groups (class_id);

CREATE TABLE staff (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id   bigint NOT NULL REFERENCES schools,
    ext_id      text NOT NULL,
    last_name   text NOT NULL,
    first_name  text NOT NULL,
    middle_name text NOT NULL,
    phone       text NOT NULL,
    email       text NOT NULL,
    active_from date,
    active_to   date,
    UNIQUE (school_id, ext_id)
);

-- id keeps the roles in the order they were given.
CREATE TABLE staff_roles (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id bigint NOT NULL REFERENCES staff ON DELETE CASCADE,
    role     text NOT NULL,
    class_id bigint REFERENCES classes,
    level    text NOT NULL DEFAULT ''
);
CREATE INDEX staff_roles_staff ON staff_roles (staff_id);
CREATE INDEX staff_roles_role ON staff_roles (role, staff_id);

CREATE TABLE students (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id   bigint NOT NULL REFERENCES schools,
    ext_id      text NOT NULL,
    last_name   text NOT NULL,
    first_name  text NOT NULL,
    middle_name text NOT NULL,
    class_id    bigint NOT NULL REFERENCES classes,
    birth_date  date,
    phone       text NOT NULL,
    email       text NOT NULL,
    status      text NOT NULL CHECK (status IN ('enrolled', 'left')),
    left_on     date,
    left_reason text NOT NULL,
    updated_at  timestamptz NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX students_class ON students (class_id);
CREATE INDEX students_enrolled ON students (school_id) WHERE status = 'enrolled';

CREATE TABLE group_members (
    group_id   bigint NOT NULL REFERENCES groups ON DELETE CASCADE,
    student_id bigint NOT NULL REFERENCES students,
    PRIMARY KEY (group_id, student_id)
);
CREATE INDEX group_members_student ON group_members (student_id);

CREATE TABLE guardians (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id   bigint NOT NULL REFERENCES schools,
    ext_id      text NOT NULL,
    last_name   text NOT NULL,
    first_name  text NOT NULL,
    middle_name text NOT NULL,
    kind        text NOT NULL,
    phone       text NOT NULL,
    email       text NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX guardians_phone ON guardians (phone);

CREATE TABLE guardian_students (
    guardian_id bigint NOT NULL REFERENCES guardians,
    student_id  bigint NOT NULL REFERENCES students,
    PRIMARY KEY (guardian_id, student_id)
);
CREATE INDEX guardian_students_student ON guardian_students (student_id);

-- lessons, grades, attendance and aggregates hold millions of rows and are
-- written in bulk by Apply only, which resolves every reference in the same
-- transaction under its per-school lock; nothing deletes the rows they refer
-- to. They have no foreign keys: the per-row checks made a 200,000-grade
-- import five times slower.
CREATE TABLE lessons (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL,
    ext_id     text NOT NULL,
    class_id   bigint NOT NULL,
    group_id   bigint,
    subject_id bigint NOT NULL,
    teacher_id bigint,
    date       date NOT NULL,
    number     int NOT NULL,
    topic      text NOT NULL,
    homework   text NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX lessons_class_date ON lessons (class_id, date);

CREATE TABLE grades (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id   bigint NOT NULL,
    ext_id      text NOT NULL,
    student_id  bigint NOT NULL,
    subject_id  bigint NOT NULL,
    lesson_id   bigint,
    teacher_id  bigint,
    period_id   bigint NOT NULL,
    date        date NOT NULL,
    value       smallint CHECK (value BETWEEN 1 AND 5),
    mark        text,
    work_type   text NOT NULL,
    weight      int NOT NULL CHECK (weight >= 0),
    description text NOT NULL,
    updated_at  timestamptz NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX grades_student_period ON grades (student_id, period_id);

-- date repeats the lesson's date so a student's marks are read by date.
CREATE TABLE attendance (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL,
    student_id bigint NOT NULL,
    lesson_id  bigint NOT NULL,
    date       date NOT NULL,
    mark       text NOT NULL,
    UNIQUE (student_id, lesson_id)
);
CREATE INDEX attendance_student_date ON attendance (student_id, date);
CREATE INDEX attendance_lesson ON attendance (lesson_id);

CREATE TABLE homework (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL REFERENCES schools,
    ext_id     text NOT NULL,
    student_id bigint NOT NULL REFERENCES students,
    subject_id bigint NOT NULL REFERENCES subjects,
    lesson_id  bigint REFERENCES lessons,
    date       date NOT NULL,
    text       text NOT NULL,
    UNIQUE (school_id, ext_id)
);
CREATE INDEX homework_student_date ON homework (student_id, date);

CREATE TABLE final_grades (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL REFERENCES schools,
    student_id bigint NOT NULL REFERENCES students,
    subject_id bigint NOT NULL REFERENCES subjects,
    kind       text NOT NULL,
    year_id    bigint NOT NULL REFERENCES years,
    period_id  bigint REFERENCES periods,
    value      smallint,
    mark       text,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX final_grades_key
    ON final_grades (student_id, subject_id, kind, year_id, coalesce(period_id, 0));

CREATE TABLE expected_grades (
    school_id  bigint NOT NULL REFERENCES schools,
    student_id bigint NOT NULL REFERENCES students,
    subject_id bigint NOT NULL REFERENCES subjects,
    period_id  bigint NOT NULL REFERENCES periods,
    teacher_id bigint REFERENCES staff,
    value      smallint NOT NULL CHECK (value BETWEEN 1 AND 5),
    reason     text NOT NULL,
    set_at     timestamptz NOT NULL,
    PRIMARY KEY (student_id, subject_id, period_id)
);

-- Running sums of a student's numeric grades, kept by every grade write.
CREATE TABLE aggregates (
    student_id bigint NOT NULL,
    period_id  bigint NOT NULL,
    subject_id bigint NOT NULL,
    sum        bigint NOT NULL,
    weights    bigint NOT NULL,
    count      int NOT NULL,
    PRIMARY KEY (student_id, period_id, subject_id)
);

CREATE TABLE api_tokens (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id  bigint NOT NULL REFERENCES schools,
    name       text NOT NULL,
    hash       text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
