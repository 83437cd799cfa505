-- The two stores' schemas made the same, as the parity test
-- (internal/store/schema_test.go) compares them after migration: keys,
-- indexes by name, columns and predicate.

-- An expected grade is found by student and period, as its aggregates.
ALTER TABLE expected_grades DROP CONSTRAINT expected_grades_pkey,
    ADD PRIMARY KEY (student_id, period_id, subject_id);

ALTER INDEX classes_name RENAME TO classes_school_name;
CREATE INDEX staff_roles_class ON staff_roles (class_id) WHERE class_id IS NOT NULL;

-- Students by class and by school with their status, whichever it is asked
-- for (a parameter cannot use a partial index).
DROP INDEX students_class;
CREATE INDEX students_class ON students (class_id, status);
DROP INDEX students_enrolled;
CREATE INDEX students_school_status ON students (school_id, status);
