-- Sign-in with a password: the user's encoded Argon2id hash (PHC string format, its parameters and
-- version inside), and sessions, which are API tokens of their own kind (valid 12 hours).

ALTER TABLE users ADD COLUMN password_hash text;
ALTER TABLE users ADD COLUMN password_set_at timestamptz;

ALTER TABLE api_tokens
  ADD COLUMN kind text NOT NULL DEFAULT 'API' CHECK (kind IN ('API', 'SESSION'));
