-- The change-log position of the newest change that narrowed some record's visibility (an access
-- level changed, a grant revoked, a record disposed or transferred). It is set in the same UPDATE
-- that reserves that change's positions, so it commits with the change; a search on any API node
-- reads it first and waits until its own index has applied that position.
ALTER TABLE outbox_position ADD COLUMN narrowed bigint NOT NULL DEFAULT 0;

-- Which changes already in the log narrowed visibility is not known: treat all of them as if they
-- had, so no node that indexed them before this migration answers from a stale index.
UPDATE outbox_position SET narrowed = position;
