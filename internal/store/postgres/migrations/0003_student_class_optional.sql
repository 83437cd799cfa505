-- A student who left may come without a class (Batch.Validate allows it): a
-- new one is then stored without one, as the embedded store does.
ALTER TABLE students ALTER COLUMN class_id DROP NOT NULL;
