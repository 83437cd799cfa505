-- Notices: what to tell whom and why, with their attachments and history.
-- Each is delivered by a River job inserted in the same transaction (River's
-- own tables, river_*, are created by River's migrations, run after these).
-- key is the idempotency key: kind + recipient + what it is about +
-- period/week/thread; enqueueing a key twice is a no-op.

CREATE TABLE notices (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key             text NOT NULL UNIQUE,
    kind            text NOT NULL,
    school_id       bigint NOT NULL REFERENCES schools,
    recipient_kind  text NOT NULL CHECK (recipient_kind IN ('guardian', 'student', 'staff')),
    recipient_id    bigint NOT NULL,
    language        text NOT NULL,
    subject         text NOT NULL,
    html            text NOT NULL,
    text            text NOT NULL,
    urgent          int NOT NULL CHECK (urgent IN (0, 1)),
    ack_required    int NOT NULL CHECK (ack_required IN (0, 1)),
    status          text NOT NULL CHECK (status IN ('queued', 'held', 'sent', 'sent_email', 'failed')),
    created_at      timestamptz NOT NULL,
    not_before      timestamptz NOT NULL,
    sent_at         timestamptz,
    channel         text NOT NULL DEFAULT '',
    attempts        int NOT NULL DEFAULT 0,
    last_error      text NOT NULL DEFAULT '',
    acknowledged_at timestamptz
);
CREATE INDEX notices_recipient ON notices (recipient_kind, recipient_id, created_at);
CREATE INDEX notices_status ON notices (status, created_at);

CREATE TABLE notice_files (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notice_id bigint NOT NULL REFERENCES notices ON DELETE CASCADE,
    name      text NOT NULL,
    mime      text NOT NULL,
    data      bytea NOT NULL
);
CREATE INDEX notice_files_notice ON notice_files (notice_id);

CREATE TABLE notice_events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notice_id bigint NOT NULL REFERENCES notices ON DELETE CASCADE,
    at        timestamptz NOT NULL,
    status    text NOT NULL,
    detail    text NOT NULL
);
CREATE INDEX notice_events_notice ON notice_events (notice_id, id);
