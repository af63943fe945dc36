-- Who can sign in, their sessions, and machine clients' API tokens. Secrets are never stored:
-- passwords as argon2id hashes, session and token secrets as SHA-256 hashes.

CREATE TABLE accounts (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  username TEXT NOT NULL,
  person TEXT,
  administrator INTEGER NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (organisation, username),
  FOREIGN KEY (organisation, person) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE sessions (
  secret_hash TEXT PRIMARY KEY,
  organisation TEXT NOT NULL,
  username TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  FOREIGN KEY (organisation, username) REFERENCES accounts (organisation, username)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX sessions_by_account ON sessions (organisation, username);

CREATE TABLE api_tokens (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  PRIMARY KEY (organisation, name)
);
