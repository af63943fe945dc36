-- The steering chain, PostgreSQL's dialect of sqlite/migrations/001_steering_chain.sql (keep
-- the two alike). Every table is keyed by the organisation first (the partition key, ready for
-- sharding by organisation), and records refer to each other by their code within the
-- organisation. Foreign keys are deferred so that a whole organisation can be written in any
-- order within a transaction. Codes sort bytewise (COLLATE "C"), as in SQLite, so both
-- backends list records in the same order.

CREATE TABLE organisations (
  code TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL
);

CREATE TABLE terms (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  first_year INTEGER NOT NULL,
  PRIMARY KEY (organisation, first_year)
);

CREATE TABLE years (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (organisation, year)
);

CREATE TABLE units (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT COLLATE "C" NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent TEXT COLLATE "C",
  valid_from DATE NOT NULL,
  valid_to DATE,
  PRIMARY KEY (organisation, code),
  FOREIGN KEY (organisation, parent) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX units_by_parent ON units (organisation, parent);

CREATE TABLE people (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT COLLATE "C" NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (organisation, code)
);

CREATE TABLE memberships (
  organisation TEXT COLLATE "C" NOT NULL,
  person TEXT COLLATE "C" NOT NULL,
  unit TEXT COLLATE "C" NOT NULL,
  role TEXT NOT NULL,
  valid_from DATE NOT NULL,
  valid_to DATE,
  PRIMARY KEY (organisation, person, unit, role, valid_from),
  FOREIGN KEY (organisation, person) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX memberships_by_unit ON memberships (organisation, unit);

CREATE TABLE documents (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  deciding_body TEXT COLLATE "C" NOT NULL,
  status TEXT NOT NULL,
  decision_date DATE,
  decision_paragraph TEXT,
  decision_case_number TEXT,
  valid_from DATE NOT NULL,
  valid_to DATE,
  year INTEGER,
  term INTEGER,
  PRIMARY KEY (organisation, code, version),
  FOREIGN KEY (organisation, deciding_body) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE appropriations (
  organisation TEXT COLLATE "C" NOT NULL,
  document TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  unit TEXT COLLATE "C" NOT NULL,
  year INTEGER NOT NULL,
  amount_sek BIGINT NOT NULL,
  PRIMARY KEY (organisation, document, version, year, unit),
  FOREIGN KEY (organisation, document, version)
    REFERENCES documents (organisation, code, version) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE indicators (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT COLLATE "C" NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  unit_of_measure TEXT NOT NULL,
  direction TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  PRIMARY KEY (organisation, code)
);

-- unit '' is the target for the whole organisation.
CREATE TABLE indicator_targets (
  organisation TEXT COLLATE "C" NOT NULL,
  indicator TEXT COLLATE "C" NOT NULL,
  year INTEGER NOT NULL,
  unit TEXT COLLATE "C" NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (organisation, indicator, year, unit),
  FOREIGN KEY (organisation, indicator) REFERENCES indicators (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE items (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL,
  document TEXT COLLATE "C",
  issuer TEXT COLLATE "C",
  recipient_unit TEXT COLLATE "C",
  recipient_person TEXT COLLATE "C",
  origin TEXT COLLATE "C",
  origin_document TEXT COLLATE "C",
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  due DATE,
  deliverable TEXT NOT NULL,
  deliverable_due DATE,
  plan TEXT NOT NULL,
  status TEXT NOT NULL,
  issued_on DATE,
  acknowledged_on DATE,
  closed_on DATE,
  closing_note TEXT NOT NULL,
  revision BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation, code),
  FOREIGN KEY (organisation, issuer) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, recipient_unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, recipient_person) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, origin) REFERENCES items (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
-- Covering (code included) so that walking down the chain never touches the table.
CREATE INDEX items_by_origin ON items (organisation, origin, code);
CREATE INDEX items_by_recipient_unit ON items (organisation, recipient_unit);
CREATE INDEX items_by_issuer ON items (organisation, issuer);

CREATE TABLE item_indicators (
  organisation TEXT COLLATE "C" NOT NULL,
  item TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  indicator TEXT COLLATE "C" NOT NULL,
  year INTEGER NOT NULL,
  target DOUBLE PRECISION,
  PRIMARY KEY (organisation, item, position),
  FOREIGN KEY (organisation, item) REFERENCES items (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, indicator) REFERENCES indicators (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE item_assessments (
  organisation TEXT COLLATE "C" NOT NULL,
  item TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  follow_up TEXT NOT NULL,
  PRIMARY KEY (organisation, item, position),
  FOREIGN KEY (organisation, item) REFERENCES items (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE indicator_values (
  organisation TEXT COLLATE "C" NOT NULL,
  indicator TEXT COLLATE "C" NOT NULL,
  unit TEXT COLLATE "C" NOT NULL,
  period_end DATE NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  weight DOUBLE PRECISION,
  PRIMARY KEY (organisation, indicator, unit, period_end),
  FOREIGN KEY (organisation, indicator) REFERENCES indicators (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE audit_entries (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  sequence BIGINT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  record_kind TEXT NOT NULL,
  record TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (organisation, sequence)
);
CREATE INDEX audit_entries_by_record ON audit_entries (organisation, record_kind, record);
