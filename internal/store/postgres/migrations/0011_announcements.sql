-- Announcements of a school's staff (or of diaryctl) to the families of a
-- class, of levels, or of the whole school. Each recipient's delivery is a
-- notice (kind 'announcement'); announcement_notices names the notices of an
-- announcement by key, so that its sender sees their statuses. staff_id is
-- NULL for an announcement sent with diaryctl; class_id is set for one class,
-- level_from and level_to (grades) for levels, all empty for the school.
-- The attached file is kept once here (file_data NULL when none): every
-- notice of the announcement reads it with its own files.

CREATE TABLE announcements (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id   bigint NOT NULL REFERENCES schools,
    staff_id    bigint REFERENCES staff,
    class_id    bigint REFERENCES classes,
    level_from  int NOT NULL,
    level_to    int NOT NULL,
    text        text NOT NULL,
    file_name   text NOT NULL,
    file_mime   text NOT NULL,
    file_data   bytea,
    recipients  int NOT NULL,
    unreachable int NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX announcements_sender ON announcements (school_id, staff_id, created_at);

CREATE TABLE announcement_notices (
    announcement_id bigint NOT NULL REFERENCES announcements ON DELETE CASCADE,
    notice_key      text NOT NULL,
    PRIMARY KEY (announcement_id, notice_key)
);
