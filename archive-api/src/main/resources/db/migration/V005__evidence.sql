-- RFC 4998 evidence records: one hash tree per run, timestamped by the archive's TSA.
CREATE TABLE evidence_batches (
  id                  bigserial PRIMARY KEY,
  sealed_at           timestamptz NOT NULL,
  root_hash           text NOT NULL,
  record_count        integer NOT NULL,
  audit_head_evidence bytea
);

CREATE TABLE record_evidence (
  record_id   uuid PRIMARY KEY REFERENCES records (id),
  batch_id    bigint NOT NULL REFERENCES evidence_batches (id),
  evidence    bytea NOT NULL,
  renewed_at  timestamptz
);
