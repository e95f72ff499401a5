-- Disposition sweeps (Circular 10/2022/TT-BNV): the plan, its items with a per-item state so an
-- interrupted execution resumes where it stopped, the candidates left out with reasons, and the
-- signed certificates (destruction at execution, transfer at the historical archive's receipt).

CREATE TABLE sweeps (
  id                     uuid PRIMARY KEY,
  agency_code            text NOT NULL REFERENCES agencies (code),
  as_of                  date NOT NULL,
  status                 text NOT NULL
                         CHECK (status IN ('PLANNED', 'APPROVED', 'EXECUTING', 'EXECUTED', 'REJECTED')),
  counts                 jsonb NOT NULL,
  planned_by             text NOT NULL,
  planned_at             timestamptz NOT NULL,
  approved_by            text,
  approved_at            timestamptz,
  rejected_by            text,
  rejected_at            timestamptz,
  reject_reason          text,
  executed_at            timestamptz,
  certificate_id         uuid,
  transfer_received_by   text,
  transfer_reference     text,
  transfer_confirmed_by  text,
  transfer_confirmed_at  timestamptz,
  transfer_certificate_id uuid,
  CHECK (approved_by IS NULL OR approved_by <> planned_by)
);
CREATE INDEX sweeps_agency ON sweeps (agency_code, id);

-- state: PENDING (approved, not yet acted on), REMOVED (taken out before approval), PURGING
-- (decided and being removed from storage: a resumed run finishes it without re-checking), DONE
-- (destroyed), SKIPPED (re-check refused it: skip_reason), LISTED (REVIEW: listed, untouched),
-- AWAITING_TRANSFER (TRANSFER item cleared at execution, bytes kept until the receipt),
-- TRANSFERRED (bytes removed after the receipt).
CREATE TABLE sweep_items (
  sweep_id        uuid NOT NULL REFERENCES sweeps (id),
  record_id       uuid NOT NULL REFERENCES records (id),
  file_code       text,
  action          text NOT NULL CHECK (action IN ('DESTROY', 'TRANSFER', 'REVIEW')),
  eligible_on     date NOT NULL,
  state           text NOT NULL DEFAULT 'PENDING'
                  CHECK (state IN ('PENDING', 'REMOVED', 'PURGING', 'DONE', 'SKIPPED', 'LISTED',
                                   'AWAITING_TRANSFER', 'TRANSFERRED')),
  removed_by      text,
  removed_reason  text,
  skip_reason     text,
  done_at         timestamptz,
  PRIMARY KEY (sweep_id, record_id)
);
CREATE INDEX sweep_items_state ON sweep_items (sweep_id, state);

CREATE TABLE sweep_exclusions (
  sweep_id   uuid NOT NULL REFERENCES sweeps (id),
  record_id  uuid NOT NULL REFERENCES records (id),
  file_code  text,
  reason     text NOT NULL,
  PRIMARY KEY (sweep_id, record_id)
);

-- canonical: the exact signed bytes (DestructionCertificate.canonicalBytes); signature: DER CMS
-- SignedData over them with the content embedded, made with the archive key identified by key_id.
CREATE TABLE retention_certificates (
  id          uuid PRIMARY KEY,
  sweep_id    uuid NOT NULL REFERENCES sweeps (id),
  kind        text NOT NULL CHECK (kind IN ('DESTRUCTION', 'TRANSFER')),
  canonical   bytea NOT NULL,
  signature   bytea NOT NULL,
  key_id      text NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (sweep_id, kind)
);

-- eligible_on is always 1 January, so it has few distinct values, and disposed records keep theirs:
-- without these statistics PostgreSQL multiplies the selectivities of status and eligible_on as if
-- independent, overestimates the eligible rows of a large archive and scans the whole table
-- instead of the partial index records_eligible.
CREATE STATISTICS records_status_eligible (mcv, dependencies) ON status, eligible_on FROM records;
