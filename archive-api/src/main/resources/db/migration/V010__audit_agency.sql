-- An auditor reads the trail of their agency tree only (GET /audit filters by agency_code): this
-- index serves that page newest first without walking other agencies' entries.
CREATE INDEX audit_log_agency ON audit_log (agency_code, id) WHERE agency_code IS NOT NULL;
