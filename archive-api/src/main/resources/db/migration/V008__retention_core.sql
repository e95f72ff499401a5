-- Retention recomputation selects the records of a series (directly or through their dossier)
-- and of a dossier; these indexes keep a schedule or dossier change proportional to its records.
CREATE INDEX records_series_code ON records (series_code) WHERE series_code IS NOT NULL;
CREATE INDEX dossiers_series_code ON dossiers (series_code) WHERE series_code IS NOT NULL;
