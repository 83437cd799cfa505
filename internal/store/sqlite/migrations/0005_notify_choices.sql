-- 0005_notify_choices: what a chat chose about its notices (a switch per
-- kind, the channel, an email address) and the chat a staff member is
-- reached in. The bot wrote them into conversation state with a time to
-- live; the scheduler, another process, reads them here. Kinds are checked
-- by the domain (diary.NotifyKinds), so a new kind needs no migration.

CREATE TABLE notify_choices (
	chat_id    INTEGER NOT NULL REFERENCES chats (chat_id),
	kind       TEXT    NOT NULL,
	enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
	updated_at TEXT    NOT NULL,
	PRIMARY KEY (chat_id, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE notify_channels (
	chat_id    INTEGER PRIMARY KEY REFERENCES chats (chat_id),
	channel    TEXT    NOT NULL CHECK (channel IN ('telegram', 'email')),
	email      TEXT    NOT NULL,
	updated_at TEXT    NOT NULL
) STRICT;

CREATE TABLE staff_chats (
	staff_id   INTEGER PRIMARY KEY REFERENCES staff (id),
	chat_id    INTEGER NOT NULL REFERENCES chats (chat_id),
	updated_at TEXT    NOT NULL
) STRICT;
