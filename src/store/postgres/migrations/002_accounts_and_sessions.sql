-- Who can sign in, their sessions, and machine clients' API tokens: PostgreSQL's dialect of
-- sqlite/migrations/002_accounts_and_sessions.sql (keep the two alike). Secrets are never
-- stored: passwords as argon2id hashes, session and token secrets as SHA-256 hashes.

CREATE TABLE accounts (
  organisation TEXT COLLATE "C" NOT NULL
    REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  username TEXT COLLATE "C" NOT NULL,
  person TEXT COLLATE "C",
  administrator INTEGER NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (organisation, username),
  FOREIGN KEY (organisation, person) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE sessions (
  secret_hash TEXT COLLATE "C" PRIMARY KEY,
  organisation TEXT COLLATE "C" NOT NULL,
  username TEXT COLLATE "C" NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  FOREIGN KEY (organisation, username) REFERENCES accounts (organisation, username)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX sessions_by_account ON sessions (organisation, username);

CREATE TABLE api_tokens (
  organisation TEXT COLLATE "C" NOT NULL
    REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  name TEXT COLLATE "C" NOT NULL,
  secret_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  PRIMARY KEY (organisation, name)
);
