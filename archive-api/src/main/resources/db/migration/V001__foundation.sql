-- Agencies, users, tokens, records, the ordered change log (outbox), idempotency and upload intents.

CREATE TABLE agencies (
  code             text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  parent_code      text REFERENCES agencies (code),
  valid_to         date,
  successor_code   text REFERENCES agencies (code),
  signature_policy text NOT NULL DEFAULT 'RECORD_ONLY'
                   CHECK (signature_policy IN ('RECORD_ONLY', 'REQUIRE_SIGNATURE', 'REQUIRE_VALID')),
  created_at       timestamptz NOT NULL
);
CREATE INDEX agencies_parent ON agencies (parent_code);
CREATE INDEX agencies_successor ON agencies (successor_code);

CREATE TABLE users (
  id           bigserial PRIMARY KEY,
  username     text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text NOT NULL,
  agency_code  text REFERENCES agencies (code),
  roles        text[] NOT NULL,
  created_at   timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  id          uuid PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id),
  token_hash  bytea NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE records (
  id                 uuid PRIMARY KEY,
  agency_code        text NOT NULL REFERENCES agencies (code),
  main_record_id     uuid REFERENCES records (id),
  subject            text NOT NULL,
  type_name          text,
  number             text,
  notation           text,
  issued_date        date,
  issuer             text,
  file_code          text,
  doc_code           text,
  language           text NOT NULL,
  access_level       text NOT NULL CHECK (access_level IN ('PUBLIC', 'INTERNAL', 'RESTRICTED')),
  confidence         text CHECK (confidence IN ('ORIGINAL_ELECTRONIC', 'DIGITIZED', 'MIXED')),
  keywords           text,
  description        text,
  series_code        text,
  work_end_date      date,
  sha256             text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size               bigint NOT NULL CHECK (size >= 0),
  content_type       text NOT NULL,
  file_name          text,
  page_count         integer,
  object_key         text NOT NULL UNIQUE,
  signature_key      text,
  created_at         timestamptz NOT NULL,
  created_by         text NOT NULL,
  status             text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISPOSED', 'TRANSFERRED')),
  extraction_status  text NOT NULL DEFAULT 'PENDING' CHECK (extraction_status IN ('PENDING', 'DONE', 'FAILED')),
  extraction_reason  text,
  text_key           text,
  text_language      text,
  signature          jsonb,
  receipt            text
);
-- A docCode is unique within its agency (the 409 DUPLICATE rule).
CREATE UNIQUE INDEX records_agency_doc_code ON records (agency_code, doc_code) WHERE doc_code IS NOT NULL;
CREATE INDEX records_agency_id ON records (agency_code, id);
CREATE INDEX records_main ON records (main_record_id) WHERE main_record_id IS NOT NULL;

-- The ordered change log. Positions are handed out under the single row lock of outbox_position,
-- taken as the last step of a writing transaction, so position order is commit order and there are
-- no gaps: a reader that remembers the last position it applied never skips an event.
CREATE TABLE outbox_position (
  id        integer PRIMARY KEY CHECK (id = 1),
  position  bigint NOT NULL
);
INSERT INTO outbox_position (id, position) VALUES (1, 0);

CREATE TABLE outbox (
  position   bigint PRIMARY KEY,
  record_id  uuid NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('UPSERT', 'DELETE')),
  created_at timestamptz NOT NULL
);

-- Retried uploads: a key returns the first answer.
CREATE TABLE idempotency_keys (
  user_id    bigint NOT NULL REFERENCES users (id),
  key        text NOT NULL,
  record_id  uuid NOT NULL REFERENCES records (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);

-- Objects written to S3 before their record row commits. A committed ingest deletes its intents
-- in the same transaction; reconciliation removes the objects of intents left behind.
CREATE TABLE upload_intents (
  bucket     text NOT NULL,
  object_key text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (bucket, object_key)
);
CREATE INDEX upload_intents_created ON upload_intents (created_at);
