-- Metrics count the notices by status and kind at every scrape, with the
-- oldest one's creation (the age of the oldest queued notice): this index
-- covers that query, so it reads the index alone, never the notices' texts.

CREATE INDEX notices_status_kind ON notices (status, kind, created_at);
