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
