-- Bulk intake (POST /imports): the edXML identity of agencies, import jobs with their per-item
-- results, and where an imported record came from.

-- The sender's identifier on the national document-exchange axis (edXML From/OrganId): an edXML
-- message is filed under the agency that has it. At most one agency per identifier.
ALTER TABLE agencies ADD COLUMN edxml_organ_id text
  CHECK (edxml_organ_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$');
CREATE UNIQUE INDEX agencies_edxml_organ_id ON agencies (edxml_organ_id)
  WHERE edxml_organ_id IS NOT NULL;

-- One import: its package (an object in the derived bucket until the job ends), its state and the
-- lease of the node running it. A node claims a runnable job by raising lease_token (the fencing
-- token) and setting lease_owner and lease_expires_at; it renews the lease while it works, and
-- every item result commits only while the job still carries the token it claimed with.
CREATE TABLE import_jobs (
  id               uuid PRIMARY KEY,
  status           text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
  format           text NOT NULL CHECK (format IN ('EDXML', 'EDXML_BATCH', 'BAGIT', 'ZIP', 'TAR')),
  agency_code      text REFERENCES agencies (code),
  created_by       text NOT NULL,
  created_by_id    bigint NOT NULL REFERENCES users (id),
  created_token    uuid,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  finished_at      timestamptz,
  package_name     text,
  package_bucket   text NOT NULL,
  package_key      text,
  bytes            bigint NOT NULL CHECK (bytes >= 0),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  options          jsonb NOT NULL,
  total            integer NOT NULL CHECK (total >= 0),
  failure_code     text,
  failure_message  text,
  idempotency_key  text,
  fingerprint      text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  lease_owner      text,
  lease_token      bigint NOT NULL DEFAULT 0,
  lease_expires_at timestamptz
);
CREATE UNIQUE INDEX import_jobs_idempotency ON import_jobs (created_by_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX import_jobs_runnable ON import_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX import_jobs_leftover ON import_jobs (finished_at)
  WHERE package_key IS NOT NULL AND status IN ('DONE', 'FAILED', 'CANCELLED');
CREATE INDEX import_jobs_agency ON import_jobs (agency_code, id);

-- The result of each item, written in the transaction that commits its record (IMPORTED), or on
-- its own for DUPLICATE and FAILED; an item with a row is never imported again.
CREATE TABLE import_items (
  job_id      uuid NOT NULL REFERENCES import_jobs (id),
  idx         integer NOT NULL CHECK (idx >= 0),
  path        text NOT NULL,
  status      text NOT NULL CHECK (status IN ('IMPORTED', 'DUPLICATE', 'FAILED')),
  record_id   uuid REFERENCES records (id),
  code        text,
  message     text,
  message_vi  text,
  finished_at timestamptz NOT NULL,
  PRIMARY KEY (job_id, idx)
);
CREATE INDEX import_items_status ON import_items (job_id, status, idx);

-- Where a record came from, when not from POST /records (kind UPLOAD has no row): a file of an
-- import package, or an edXML message with its sender and document identifier (on the main record
-- and on its attachments). The same message from the same sender is one main record.
CREATE TABLE record_sources (
  record_id         uuid PRIMARY KEY REFERENCES records (id),
  main              boolean NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('IMPORT', 'EDXML')),
  import_id         uuid REFERENCES import_jobs (id),
  edxml_document_id text,
  from_organ_id     text
);
CREATE UNIQUE INDEX record_sources_edxml ON record_sources (from_organ_id, edxml_document_id)
  WHERE main AND from_organ_id IS NOT NULL AND edxml_document_id IS NOT NULL;
CREATE INDEX record_sources_import ON record_sources (import_id) WHERE import_id IS NOT NULL;

-- An imported file without a docCode is the same document as a main record of its agency with the
-- same bytes and subject (so importing a package again adds nothing).
CREATE INDEX records_agency_sha256 ON records (agency_code, sha256) WHERE main_record_id IS NULL;
