-- An access request (clause 2.10, 3.6.6) as the class teacher decides it:
-- who the requester is to the child, the class named, the roster's match
-- (student by name and class, guardian by the phone Telegram verified), who
-- decided and the reason of a refusal. The dates of the 10-day clock are
-- created_at and resolved_at (0002).

ALTER TABLE access_requests
    ADD COLUMN relation    text NOT NULL DEFAULT '',
    ADD COLUMN class_id    bigint REFERENCES classes,
    ADD COLUMN student_id  bigint REFERENCES students,
    ADD COLUMN guardian_id bigint REFERENCES guardians,
    ADD COLUMN decided_by  bigint REFERENCES staff,
    ADD COLUMN reason      text NOT NULL DEFAULT '';
CREATE INDEX access_requests_class_open ON access_requests (class_id, created_at) WHERE resolved_at IS NULL;
CREATE INDEX access_requests_user ON access_requests (telegram_user_id, created_at);
