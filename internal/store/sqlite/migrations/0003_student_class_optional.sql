-- 0003_student_class_optional: a student who left may come without a class
-- (Batch.Validate allows it). PostgreSQL drops NOT NULL of students.class_id
-- here; SQLite's 0001 already allows NULL there, so nothing changes.
SELECT 1;
