-- Legal retention (Circular 10/2022/TT-BNV): schedules per series, dossiers (hồ sơ), the effective
-- retention of each record as last computed, and legal holds. Sweeps and certificates come in V007.

CREATE TABLE retention_schedules (
  series_code  text PRIMARY KEY CHECK (length(series_code) BETWEEN 1 AND 64),
  title        text NOT NULL,
  period       text NOT NULL CHECK (period ~ '^([1-9][0-9]{0,2}y|PERMANENT)$'),
  action       text NOT NULL CHECK (action IN ('DESTROY', 'TRANSFER', 'REVIEW')),
  legal_basis  text NOT NULL,
  -- false for starter-schedule entries we could not verify: examples the agency must confirm.
  verified     boolean NOT NULL DEFAULT true,
  note         text NOT NULL DEFAULT '',
  updated_at   timestamptz NOT NULL,
  updated_by   text NOT NULL
);

CREATE TABLE dossiers (
  file_code    text PRIMARY KEY CHECK (length(file_code) BETWEEN 1 AND 100),
  agency_code  text NOT NULL REFERENCES agencies (code),
  title        text NOT NULL,
  series_code  text,
  start_date   date,
  end_date     date,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  updated_by   text NOT NULL
);
CREATE INDEX dossiers_agency ON dossiers (agency_code);

-- The effective retention, recomputed whenever a schedule, a dossier or the record's metadata
-- changes. retention_state: SCHEDULED (eligible_on set), PERMANENT, or UNSCHEDULED (kept, reported).
-- retain_until / legal_hold: what was last applied to the original's object version in storage.
ALTER TABLE records
  ADD COLUMN retention_state  text NOT NULL DEFAULT 'UNSCHEDULED'
                              CHECK (retention_state IN ('SCHEDULED', 'PERMANENT', 'UNSCHEDULED')),
  ADD COLUMN retention_series text,
  ADD COLUMN retention_period text,
  ADD COLUMN retention_action text CHECK (retention_action IN ('DESTROY', 'TRANSFER', 'REVIEW')),
  ADD COLUMN eligible_on      date,
  ADD COLUMN retain_until     timestamptz,
  ADD COLUMN legal_hold       boolean NOT NULL DEFAULT false,
  ADD COLUMN object_version   text,
  ADD COLUMN disposed_at      timestamptz;
-- Sweep planning reads only the eligible rows of the agency subtree: this index keeps it
-- proportional to the eligible count, not to the size of the archive.
CREATE INDEX records_eligible ON records (eligible_on, agency_code)
  WHERE status = 'ACTIVE' AND eligible_on IS NOT NULL;
CREATE INDEX records_file_code ON records (file_code) WHERE file_code IS NOT NULL;
CREATE INDEX records_unscheduled ON records (agency_code)
  WHERE status = 'ACTIVE' AND retention_state = 'UNSCHEDULED';

CREATE TABLE holds (
  id              uuid PRIMARY KEY,
  name            text NOT NULL,
  reason          text NOT NULL,
  authority       text NOT NULL,
  query           text,
  agency_code     text REFERENCES agencies (code),
  placed_by       text NOT NULL,
  placed_at       timestamptz NOT NULL,
  record_count    integer NOT NULL,
  released_by     text,
  released_at     timestamptz,
  release_reason  text
);

CREATE TABLE hold_records (
  hold_id    uuid NOT NULL REFERENCES holds (id),
  record_id  uuid NOT NULL REFERENCES records (id),
  PRIMARY KEY (hold_id, record_id)
);
CREATE INDEX hold_records_record ON hold_records (record_id);
