-- The audit trail (architecture promise 7): an append-only, hash-chained log of every
-- security-relevant event. See vn.tangthu.archive.audit for the canonical encoding and the anchor.

-- The newest entry. Writers lock this single row as the last step of their transaction, so entry
-- ids are handed out in commit order without gaps, and each entry chains from the one committed
-- before it.
CREATE TABLE audit_head (
  id        integer PRIMARY KEY CHECK (id = 1),
  last_id   bigint NOT NULL CHECK (last_id >= 0),
  last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, repeat('0', 64));

-- No CHECK constraints on purpose beyond NOT NULL: an entry must never be refused for its
-- content; its hash covers every column exactly as stored.
CREATE TABLE audit_log (
  id             bigint PRIMARY KEY,
  occurred_at    timestamptz NOT NULL,
  actor          text NOT NULL,
  roles          text NOT NULL,
  agency_code    text,
  action         text NOT NULL,
  target_type    text,
  target_id      text,
  outcome        text NOT NULL,
  client_address text,
  details        text NOT NULL,
  prev_hash      text NOT NULL,
  hash           text NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target_id, id) WHERE target_id IS NOT NULL;
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at, id);

-- Defence in depth: the application never updates or deletes entries, and the head only moves
-- forward. (An owner or superuser can still disable triggers; the hash chain and the anchor are
-- what detect that.)
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.last_id < OLD.last_id THEN
    RAISE EXCEPTION 'the audit head only moves forward' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE OR TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
