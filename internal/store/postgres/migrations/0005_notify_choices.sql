-- What a chat chose about its notices (a switch per kind, the channel, an
-- email address) and the chat a staff member is reached in. The bot wrote
-- them into conversation state with a time to live; the scheduler, another
-- process, reads them here. Kinds are checked by the domain
-- (diary.NotifyKinds), so a new kind needs no migration.

CREATE TABLE notify_choices (
    chat_id    bigint NOT NULL REFERENCES chats,
    kind       text NOT NULL,
    enabled    smallint NOT NULL CHECK (enabled IN (0, 1)),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (chat_id, kind)
);

CREATE TABLE notify_channels (
    chat_id    bigint PRIMARY KEY REFERENCES chats,
    channel    text NOT NULL CHECK (channel IN ('telegram', 'email')),
    email      text NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE staff_chats (
    staff_id   bigint PRIMARY KEY REFERENCES staff,
    chat_id    bigint NOT NULL REFERENCES chats,
    updated_at timestamptz NOT NULL
);
