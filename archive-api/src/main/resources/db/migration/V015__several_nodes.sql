-- Once-only work across API nodes (the daily evidence run, lock repair, reconciliation, sweep
-- execution): a node runs a job only while it holds the job's lease. Taking a free or lapsed lease
-- raises token (the fencing token); the writes that matter commit only while the row still carries
-- the token they were made under (read FOR SHARE in their transaction, so no takeover slips in
-- before the commit). A daily job records the date of its last completed run with its last write,
-- so a node taking over after a death never runs that day's job again.
CREATE TABLE job_leases (
  name           text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9:._-]{0,199}$'),
  owner          text,
  token          bigint NOT NULL CHECK (token >= 1),
  expires_at     timestamptz,
  last_completed date,
  CHECK ((owner IS NULL) = (expires_at IS NULL))
);

-- Originals found failing their SHA-256 when read, with no good copy to serve instead: the
-- download answers 502 CONTENT_CORRUPT and the content health check is red while any is listed. A
-- later read that verifies (the object was restored) takes the record off the list.
CREATE TABLE content_faults (
  record_id   uuid PRIMARY KEY REFERENCES records (id),
  detected_at timestamptz NOT NULL,
  actual      text NOT NULL CHECK (actual ~ '^[0-9a-f]{64}$'),
  node        text NOT NULL
);
