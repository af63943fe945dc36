-- The steering chain. Every table is keyed by the organisation first (the partition key), and
-- records refer to each other by their code within the organisation. Foreign keys are
-- deferred so that a whole organisation can be written in any order within a transaction.

CREATE TABLE organisations (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL
);

CREATE TABLE terms (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  first_year INTEGER NOT NULL,
  PRIMARY KEY (organisation, first_year)
);

CREATE TABLE years (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (organisation, year)
);

CREATE TABLE units (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  PRIMARY KEY (organisation, code),
  FOREIGN KEY (organisation, parent) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX units_by_parent ON units (organisation, parent);

CREATE TABLE people (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (organisation, code)
);

CREATE TABLE memberships (
  organisation TEXT NOT NULL,
  person TEXT NOT NULL,
  unit TEXT NOT NULL,
  role TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  PRIMARY KEY (organisation, person, unit, role, valid_from),
  FOREIGN KEY (organisation, person) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX memberships_by_unit ON memberships (organisation, unit);

CREATE TABLE documents (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  deciding_body TEXT NOT NULL,
  status TEXT NOT NULL,
  decision_date TEXT,
  decision_paragraph TEXT,
  decision_case_number TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  year INTEGER,
  term INTEGER,
  PRIMARY KEY (organisation, code, version),
  FOREIGN KEY (organisation, deciding_body) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE appropriations (
  organisation TEXT NOT NULL,
  document TEXT NOT NULL,
  version INTEGER NOT NULL,
  unit TEXT NOT NULL,
  year INTEGER NOT NULL,
  amount_sek INTEGER NOT NULL,
  PRIMARY KEY (organisation, document, version, year, unit),
  FOREIGN KEY (organisation, document, version)
    REFERENCES documents (organisation, code, version) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE indicators (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  unit_of_measure TEXT NOT NULL,
  direction TEXT NOT NULL,
  aggregation TEXT NOT NULL,
  PRIMARY KEY (organisation, code)
);

-- unit '' is the target for the whole organisation.
CREATE TABLE indicator_targets (
  organisation TEXT NOT NULL,
  indicator TEXT NOT NULL,
  year INTEGER NOT NULL,
  unit TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (organisation, indicator, year, unit),
  FOREIGN KEY (organisation, indicator) REFERENCES indicators (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE items (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  document TEXT,
  issuer TEXT,
  recipient_unit TEXT,
  recipient_person TEXT,
  origin TEXT,
  origin_document TEXT,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  due TEXT,
  deliverable TEXT NOT NULL,
  deliverable_due TEXT,
  plan TEXT NOT NULL,
  status TEXT NOT NULL,
  issued_on TEXT,
  acknowledged_on TEXT,
  closed_on TEXT,
  closing_note TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
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
  organisation TEXT NOT NULL,
  item TEXT NOT NULL,
  position INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  year INTEGER NOT NULL,
  target REAL,
  PRIMARY KEY (organisation, item, position),
  FOREIGN KEY (organisation, item) REFERENCES items (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, indicator) REFERENCES indicators (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE item_assessments (
  organisation TEXT NOT NULL,
  item TEXT NOT NULL,
  position INTEGER NOT NULL,
  follow_up TEXT NOT NULL,
  PRIMARY KEY (organisation, item, position),
  FOREIGN KEY (organisation, item) REFERENCES items (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE indicator_values (
  organisation TEXT NOT NULL,
  indicator TEXT NOT NULL,
  unit TEXT NOT NULL,
  period_end TEXT NOT NULL,
  value REAL NOT NULL,
  numerator REAL,
  denominator REAL,
  weight REAL,
  PRIMARY KEY (organisation, indicator, unit, period_end),
  FOREIGN KEY (organisation, indicator) REFERENCES indicators (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE audit_entries (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  sequence INTEGER NOT NULL,
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
