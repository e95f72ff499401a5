-- Scanned paper read by OCR (issue 21): a record whose pages have no text layer waits for OCR with
-- extraction_status PENDING, or NEEDS_OCR when no engine is installed (read again once one is).
ALTER TABLE records DROP CONSTRAINT records_extraction_status_check;
ALTER TABLE records ADD CONSTRAINT records_extraction_status_check
  CHECK (extraction_status IN ('PENDING', 'DONE', 'FAILED', 'NEEDS_OCR'));

-- A record that goes through OCR: the pages examined (the page cap applied), those done so far,
-- and, once read, the engine, its languages and the mean confidence of the pages it read. While
-- the record's extraction_status is PENDING, the row means "queued or being read"; a server that
-- starts resumes such records.
CREATE TABLE record_ocr (
  record_id        uuid PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
  pages            integer NOT NULL DEFAULT 0 CHECK (pages >= 0),
  pages_done       integer NOT NULL DEFAULT 0 CHECK (pages_done >= 0),
  engine           text,
  languages        text NOT NULL DEFAULT '',
  mean_confidence  double precision CHECK (mean_confidence BETWEEN 0 AND 100),
  updated_at       timestamptz NOT NULL
);
CREATE INDEX records_extraction_waiting ON records (extraction_status) WHERE extraction_status IN ('NEEDS_OCR', 'PENDING');
