-- Corrections of a record's metadata: each keeps the values it replaced.
CREATE TABLE record_history (
  id          bigserial PRIMARY KEY,
  record_id   uuid NOT NULL REFERENCES records (id),
  changed_at  timestamptz NOT NULL,
  changed_by  text NOT NULL,
  previous    jsonb NOT NULL,
  changes     jsonb NOT NULL
);
CREATE INDEX record_history_record ON record_history (record_id, id);
