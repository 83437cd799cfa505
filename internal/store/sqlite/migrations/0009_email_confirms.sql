-- 0009_email_confirms: a chat's pending confirmation of an email address
-- (issue 8 item 5, clauses 3.3.6–3.3.7): the address, the hash of the
-- six-digit code sent to it (never the code), when it stops working and the
-- wrong tries so far. One per chat: a new request replaces the old one; a
-- confirmed address moves to notify_channels and the row goes.

CREATE TABLE email_confirms (
	chat_id    INTEGER PRIMARY KEY REFERENCES chats (chat_id),
	email      TEXT    NOT NULL,
	code_hash  TEXT    NOT NULL,
	tries      INTEGER NOT NULL CHECK (tries >= 0),
	expires_at TEXT    NOT NULL,
	created_at TEXT    NOT NULL
) STRICT;
