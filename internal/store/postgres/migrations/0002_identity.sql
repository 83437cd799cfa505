-- Verified linking of Telegram users (one-time codes, phone), consent, access
-- requests, chats and the record of diary views. Telegram user and chat ids
-- are bigint.

CREATE TABLE link_codes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id   bigint NOT NULL REFERENCES schools,
    kind        text NOT NULL CHECK (kind IN ('guardian', 'student', 'staff')),
    guardian_id bigint REFERENCES guardians,
    student_id  bigint REFERENCES students,
    staff_id    bigint REFERENCES staff,
    hash        text NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    used_by     bigint,
    created_by  bigint REFERENCES staff
);
CREATE INDEX link_codes_student ON link_codes (student_id) WHERE student_id IS NOT NULL;

CREATE TABLE links (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id        bigint NOT NULL REFERENCES schools,
    kind             text NOT NULL CHECK (kind IN ('guardian', 'student', 'staff')),
    telegram_user_id bigint NOT NULL,
    chat_id          bigint NOT NULL,
    guardian_id      bigint REFERENCES guardians,
    student_id       bigint REFERENCES students,
    staff_id         bigint REFERENCES staff,
    created_at       timestamptz NOT NULL,
    ended_at         timestamptz,
    end_reason       text NOT NULL DEFAULT ''
);
-- One active link per user and person.
CREATE UNIQUE INDEX links_active ON links (telegram_user_id, kind, coalesce(guardian_id, 0),
    coalesce(student_id, 0), coalesce(staff_id, 0)) WHERE ended_at IS NULL;
CREATE INDEX links_student ON links (student_id) WHERE ended_at IS NULL;
CREATE INDEX links_school_active ON links (school_id) WHERE ended_at IS NULL;

CREATE TABLE consents (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    telegram_user_id bigint NOT NULL,
    guardian_id      bigint REFERENCES guardians,
    student_id       bigint NOT NULL REFERENCES students,
    version          text NOT NULL,
    accepted_at      timestamptz NOT NULL,
    withdrawn_at     timestamptz
);
CREATE UNIQUE INDEX consents_active ON consents (telegram_user_id, student_id, version)
    WHERE withdrawn_at IS NULL;
CREATE INDEX consents_student ON consents (student_id, accepted_at);

CREATE TABLE access_requests (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id        bigint NOT NULL REFERENCES schools,
    telegram_user_id bigint NOT NULL,
    chat_id          bigint NOT NULL,
    name             text NOT NULL,
    phone            text NOT NULL,
    child_name       text NOT NULL,
    class_name       text NOT NULL,
    created_at       timestamptz NOT NULL,
    resolved_at      timestamptz,
    resolution       text NOT NULL DEFAULT ''
);
CREATE INDEX access_requests_school ON access_requests (school_id, created_at);
CREATE INDEX access_requests_open ON access_requests (school_id, created_at) WHERE resolved_at IS NULL;

CREATE TABLE visits (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id        bigint NOT NULL REFERENCES schools,
    telegram_user_id bigint NOT NULL,
    guardian_id      bigint,
    student_id       bigint,
    staff_id         bigint,
    view_name        text NOT NULL,
    at               timestamptz NOT NULL
);
CREATE INDEX visits_school_at ON visits (school_id, at);
CREATE INDEX visits_student_at ON visits (student_id, at) WHERE student_id IS NOT NULL;

CREATE TABLE chats (
    chat_id          bigint PRIMARY KEY,
    telegram_user_id bigint NOT NULL,
    language         text NOT NULL,
    blocked_at       timestamptz,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX chats_user ON chats (telegram_user_id);
