-- Signature reports are never recomputed silently: an explicit re-verification stores the new
-- report on the record and keeps the one it replaces here.
CREATE TABLE signature_history (
  id           bigserial PRIMARY KEY,
  record_id    uuid NOT NULL REFERENCES records (id),
  replaced_at  timestamptz NOT NULL,
  replaced_by  text NOT NULL,
  report       jsonb
);
CREATE INDEX signature_history_record ON signature_history (record_id, id);

-- RFC 4998 renewal appends to an evidence record; the bytes it replaces stay here, verifiable on
-- their own.
CREATE TABLE record_evidence_history (
  id           bigserial PRIMARY KEY,
  record_id    uuid NOT NULL REFERENCES records (id),
  replaced_at  timestamptz NOT NULL,
  renewal      text NOT NULL CHECK (renewal IN ('TIMESTAMP', 'HASH_TREE')),
  evidence     bytea NOT NULL
);
CREATE INDEX record_evidence_history_record ON record_evidence_history (record_id, id);
