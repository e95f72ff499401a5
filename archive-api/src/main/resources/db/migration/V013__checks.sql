-- Online fixity and evidence checks (POST /checks). A check's progress (its counts and the last
-- record it checked, records being checked in id order) commits together with the failures it found,
-- so after a restart or a node's death the check shows exactly what was done and resumes after that
-- record. The node running a check holds a lease on it; another node takes over a check whose lease
-- expired (its node died), a stopping node gives its lease up at once.
CREATE TABLE checks (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('FIXITY', 'EVIDENCE')),
  record_id    uuid REFERENCES records (id),
  -- The agencies whose records it checks (the starting auditor's acting scope); NULL: every agency.
  scope        text[],
  status       text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE')),
  created_by   text NOT NULL,
  agency_code  text,
  created_at   timestamptz NOT NULL,
  started_at   timestamptz,
  finished_at  timestamptz,
  total        bigint CHECK (total >= 0),
  ok           bigint NOT NULL DEFAULT 0 CHECK (ok >= 0),
  failed       bigint NOT NULL DEFAULT 0 CHECK (failed >= 0),
  pending      bigint NOT NULL DEFAULT 0 CHECK (pending >= 0),
  after_id     uuid,
  resumed      integer NOT NULL DEFAULT 0 CHECK (resumed >= 0),
  lease_owner  text,
  lease_until  timestamptz,
  CHECK ((status = 'DONE') = (finished_at IS NOT NULL))
);

CREATE INDEX checks_open ON checks (created_at, id) WHERE status <> 'DONE';

CREATE TABLE check_failures (
  check_id   uuid NOT NULL REFERENCES checks (id),
  record_id  uuid NOT NULL,
  reason     text NOT NULL,
  PRIMARY KEY (check_id, record_id)
);
