-- A teacher's lessons by date: the staff home's «Уроки сегодня/завтра» and
-- the teacher's scope (Teaching) read lessons by teacher_id and a span of
-- dates, which otherwise scan a school's lessons.

CREATE INDEX lessons_teacher_date ON lessons (teacher_id, date);
