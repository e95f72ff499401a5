-- Grants of RESTRICTED records to named users, and token bookkeeping.

CREATE TABLE record_grants (
  record_id  uuid NOT NULL REFERENCES records (id),
  username   text NOT NULL REFERENCES users (username),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (record_id, username)
);
CREATE INDEX record_grants_user ON record_grants (username);

ALTER TABLE users ADD COLUMN disabled_at timestamptz;
