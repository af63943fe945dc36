-- The follow-up cycle: the year's follow-up plan (occasions and their deadlines), the
-- report-backs to them (every version, with its content), and the notification outbox. Keys
-- start with the organisation, as in 001; foreign keys are deferred so that a whole
-- organisation can be written in any order within a transaction.

-- topics: the occasion's topics as space-separated glossary names, in the plan's order (a
-- handful of names, always read with the occasion: a child table would cost a read).
CREATE TABLE occasions (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT NOT NULL,
  year INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  body TEXT NOT NULL,
  period_end TEXT NOT NULL,
  meeting TEXT NOT NULL,
  topics TEXT NOT NULL,
  status TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation, code),
  FOREIGN KEY (organisation, body) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- position keeps the plan's order (lowest level first).
CREATE TABLE occasion_deadlines (
  organisation TEXT NOT NULL,
  occasion TEXT NOT NULL,
  level TEXT NOT NULL,
  position INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  PRIMARY KEY (organisation, occasion, level),
  FOREIGN KEY (organisation, occasion) REFERENCES occasions (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- One row per version. The recipient is a unit or a person: the other column is '' rather
-- than NULL because both are part of the key, and the generated columns carry the references
-- (a NULL reference is not checked).
CREATE TABLE report_backs (
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  occasion TEXT NOT NULL,
  recipient_unit TEXT NOT NULL,
  recipient_person TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  written_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  return_reason TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  unit_reference TEXT GENERATED ALWAYS AS (NULLIF(recipient_unit, '')) STORED,
  person_reference TEXT GENERATED ALWAYS AS (NULLIF(recipient_person, '')) STORED,
  PRIMARY KEY (organisation, occasion, recipient_unit, recipient_person, version),
  CHECK ((recipient_unit = '') <> (recipient_person = '')),
  FOREIGN KEY (organisation, occasion) REFERENCES occasions (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit_reference) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, person_reference) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- The content of a version. position keeps the order it was written in.
CREATE TABLE report_back_assessments (
  organisation TEXT NOT NULL,
  occasion TEXT NOT NULL,
  recipient_unit TEXT NOT NULL,
  recipient_person TEXT NOT NULL,
  version INTEGER NOT NULL,
  item TEXT NOT NULL,
  position INTEGER NOT NULL,
  assessment TEXT,
  trend TEXT,
  analysis TEXT NOT NULL,
  PRIMARY KEY (organisation, occasion, recipient_unit, recipient_person, version, item),
  FOREIGN KEY (organisation, occasion, recipient_unit, recipient_person, version)
    REFERENCES report_backs (organisation, occasion, recipient_unit, recipient_person, version)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, item) REFERENCES items (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE report_back_actions (
  organisation TEXT NOT NULL,
  occasion TEXT NOT NULL,
  recipient_unit TEXT NOT NULL,
  recipient_person TEXT NOT NULL,
  version INTEGER NOT NULL,
  item TEXT NOT NULL,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  owner TEXT,  -- NULL while a draft's action has no owner yet
  due TEXT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (organisation, occasion, recipient_unit, recipient_person, version, item, position),
  FOREIGN KEY (organisation, occasion, recipient_unit, recipient_person, version, item)
    REFERENCES report_back_assessments
      (organisation, occasion, recipient_unit, recipient_person, version, item)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, owner) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE report_back_topics (
  organisation TEXT NOT NULL,
  occasion TEXT NOT NULL,
  recipient_unit TEXT NOT NULL,
  recipient_person TEXT NOT NULL,
  version INTEGER NOT NULL,
  topic TEXT NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (organisation, occasion, recipient_unit, recipient_person, version, topic),
  FOREIGN KEY (organisation, occasion, recipient_unit, recipient_person, version)
    REFERENCES report_backs (organisation, occasion, recipient_unit, recipient_person, version)
    DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE report_back_values (
  organisation TEXT NOT NULL,
  occasion TEXT NOT NULL,
  recipient_unit TEXT NOT NULL,
  recipient_person TEXT NOT NULL,
  version INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  unit TEXT NOT NULL,
  position INTEGER NOT NULL,
  period_end TEXT NOT NULL,
  value REAL NOT NULL,
  numerator REAL,
  denominator REAL,
  weight REAL,
  PRIMARY KEY (organisation, occasion, recipient_unit, recipient_person, version, indicator, unit),
  FOREIGN KEY (organisation, occasion, recipient_unit, recipient_person, version)
    REFERENCES report_backs (organisation, occasion, recipient_unit, recipient_person, version)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, indicator) REFERENCES indicators (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- D12: a submitted report-back is evidence for a decision and is kept as it was submitted,
-- whatever writes to the database. Once a version is no longer a draft its content rows can
-- be neither added, changed nor removed, and of the version itself only a submitted one may
-- change, and then only by its decision (status, decided_by, decided_at, return_reason).
-- Content written before its version exists (a whole organisation imported in one
-- transaction, children first) creates a version rather than changing one.
CREATE TRIGGER report_backs_keep_submitted_content BEFORE UPDATE ON report_backs
WHEN OLD.status <> 'draft' AND (
  OLD.status <> 'submitted' OR NEW.status NOT IN ('submitted', 'returned', 'approved')
  OR NEW.occasion IS NOT OLD.occasion OR NEW.recipient_unit IS NOT OLD.recipient_unit
  OR NEW.recipient_person IS NOT OLD.recipient_person OR NEW.version IS NOT OLD.version
  OR NEW.organisation IS NOT OLD.organisation OR NEW.written_by IS NOT OLD.written_by
  OR NEW.updated_at IS NOT OLD.updated_at OR NEW.submitted_by IS NOT OLD.submitted_by
  OR NEW.submitted_at IS NOT OLD.submitted_at)
BEGIN
  SELECT RAISE(ABORT, 'a report-back that is no longer a draft cannot be changed (D12)');
END;

CREATE TRIGGER report_backs_keep_submitted_versions BEFORE DELETE ON report_backs
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a report-back that is no longer a draft cannot be removed (D12)');
END;

CREATE TRIGGER report_back_assessments_insert BEFORE INSERT ON report_back_assessments
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_assessments_update BEFORE UPDATE ON report_back_assessments
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
  OR EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_assessments_delete BEFORE DELETE ON report_back_assessments
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;

CREATE TRIGGER report_back_actions_insert BEFORE INSERT ON report_back_actions
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_actions_update BEFORE UPDATE ON report_back_actions
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
  OR EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_actions_delete BEFORE DELETE ON report_back_actions
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;

CREATE TRIGGER report_back_topics_insert BEFORE INSERT ON report_back_topics
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_topics_update BEFORE UPDATE ON report_back_topics
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
  OR EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_topics_delete BEFORE DELETE ON report_back_topics
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;

CREATE TRIGGER report_back_values_insert BEFORE INSERT ON report_back_values
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_values_update BEFORE UPDATE ON report_back_values
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
  OR EXISTS (SELECT 1 FROM report_backs WHERE organisation = NEW.organisation
  AND occasion = NEW.occasion AND recipient_unit = NEW.recipient_unit
  AND recipient_person = NEW.recipient_person AND version = NEW.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;
CREATE TRIGGER report_back_values_delete BEFORE DELETE ON report_back_values
WHEN EXISTS (SELECT 1 FROM report_backs WHERE organisation = OLD.organisation
  AND occasion = OLD.occasion AND recipient_unit = OLD.recipient_unit
  AND recipient_person = OLD.recipient_person AND version = OLD.version AND status <> 'draft')
BEGIN
  SELECT RAISE(ABORT, 'the content of a report-back that is no longer a draft cannot be changed (D12)');
END;

-- The outbox. Ids are assigned by the database: a notification has no natural key.
-- read_at, next_attempt_at and sent_at are NULL until they happen.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  organisation TEXT NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  person TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  email TEXT NOT NULL,
  email_state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT,
  sent_at TEXT,
  last_error TEXT NOT NULL,
  FOREIGN KEY (organisation, person) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
-- A reminder for one deadline is written once however often the sweep runs.
CREATE UNIQUE INDEX notifications_by_dedupe_key ON notifications (organisation, dedupe_key)
  WHERE dedupe_key <> '';
-- The delivery loop's question: pending mail due now.
CREATE INDEX notifications_due ON notifications (email_state, next_attempt_at);
-- A person's notifications, newest first.
CREATE INDEX notifications_of_person ON notifications (organisation, person, created_at, id);
