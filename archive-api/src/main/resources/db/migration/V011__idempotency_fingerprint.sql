-- What request an Idempotency-Key was first used for: the SHA-256 of the upload's canonical
-- metadata, file names and parts' SHA-256 (see UploadFingerprint). The same key with another
-- fingerprint is refused (422 IDEMPOTENCY_KEY_REUSED). Keys stored before this column have none
-- and keep replaying their first answer.
ALTER TABLE idempotency_keys ADD COLUMN fingerprint text CHECK (fingerprint ~ '^[0-9a-f]{64}$');
