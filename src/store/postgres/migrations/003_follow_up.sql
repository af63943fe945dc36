-- The follow-up cycle, PostgreSQL's dialect of sqlite/migrations/003_follow_up.sql (keep the
-- two alike): the year's follow-up plan (occasions and their deadlines), the report-backs to
-- them (every version, with its content), and the notification outbox. Keys start with the
-- organisation, as in 001; foreign keys are deferred so that a whole organisation can be
-- written in any order within a transaction; codes sort bytewise (COLLATE "C").

-- topics: the occasion's topics as space-separated glossary names, in the plan's order (a
-- handful of names, always read with the occasion: a child table would cost a read).
CREATE TABLE occasions (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT COLLATE "C" NOT NULL,
  year INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  body TEXT COLLATE "C" NOT NULL,
  period_end DATE NOT NULL,
  meeting DATE NOT NULL,
  topics TEXT NOT NULL,
  status TEXT NOT NULL,
  revision BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation, code),
  FOREIGN KEY (organisation, body) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- position keeps the plan's order (lowest level first).
CREATE TABLE occasion_deadlines (
  organisation TEXT COLLATE "C" NOT NULL,
  occasion TEXT COLLATE "C" NOT NULL,
  level TEXT NOT NULL,
  position INTEGER NOT NULL,
  deadline DATE NOT NULL,
  PRIMARY KEY (organisation, occasion, level),
  FOREIGN KEY (organisation, occasion) REFERENCES occasions (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- One row per version. The recipient is a unit or a person: the other column is '' rather
-- than NULL because both are part of the key, and the generated columns carry the references
-- (a NULL reference is not checked).
CREATE TABLE report_backs (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  occasion TEXT COLLATE "C" NOT NULL,
  recipient_unit TEXT COLLATE "C" NOT NULL,
  recipient_person TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  written_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  return_reason TEXT NOT NULL,
  revision BIGINT NOT NULL DEFAULT 1,
  unit_reference TEXT COLLATE "C" GENERATED ALWAYS AS (NULLIF(recipient_unit, '')) STORED,
  person_reference TEXT COLLATE "C" GENERATED ALWAYS AS (NULLIF(recipient_person, '')) STORED,
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
  organisation TEXT COLLATE "C" NOT NULL,
  occasion TEXT COLLATE "C" NOT NULL,
  recipient_unit TEXT COLLATE "C" NOT NULL,
  recipient_person TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  item TEXT COLLATE "C" NOT NULL,
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
  organisation TEXT COLLATE "C" NOT NULL,
  occasion TEXT COLLATE "C" NOT NULL,
  recipient_unit TEXT COLLATE "C" NOT NULL,
  recipient_person TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  item TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  owner TEXT COLLATE "C",  -- NULL while a draft's action has no owner yet
  due DATE NOT NULL,
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
  organisation TEXT COLLATE "C" NOT NULL,
  occasion TEXT COLLATE "C" NOT NULL,
  recipient_unit TEXT COLLATE "C" NOT NULL,
  recipient_person TEXT COLLATE "C" NOT NULL,
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
  organisation TEXT COLLATE "C" NOT NULL,
  occasion TEXT COLLATE "C" NOT NULL,
  recipient_unit TEXT COLLATE "C" NOT NULL,
  recipient_person TEXT COLLATE "C" NOT NULL,
  version INTEGER NOT NULL,
  indicator TEXT COLLATE "C" NOT NULL,
  unit TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  period_end DATE NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  weight DOUBLE PRECISION,
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
CREATE FUNCTION report_backs_keep_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a report-back that is no longer a draft cannot be removed (D12)';
  END IF;
  IF OLD.status <> 'submitted' OR NEW.status NOT IN ('submitted', 'returned', 'approved')
     OR (NEW.organisation, NEW.occasion, NEW.recipient_unit, NEW.recipient_person, NEW.version,
         NEW.written_by, NEW.updated_at, NEW.submitted_by, NEW.submitted_at)
        IS DISTINCT FROM
        (OLD.organisation, OLD.occasion, OLD.recipient_unit, OLD.recipient_person, OLD.version,
         OLD.written_by, OLD.updated_at, OLD.submitted_by, OLD.submitted_at) THEN
    RAISE EXCEPTION 'a report-back that is no longer a draft cannot be changed (D12)';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER report_backs_keep_submitted BEFORE UPDATE OR DELETE ON report_backs
  FOR EACH ROW EXECUTE FUNCTION report_backs_keep_submitted();

-- Per statement, over its transition table, so that a COPY of many rows costs one join.
CREATE FUNCTION report_back_content_keep_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows JOIN report_backs
             USING (organisation, occasion, recipient_unit, recipient_person, version)
             WHERE report_backs.status <> 'draft') THEN
    RAISE EXCEPTION 'the content of a report-back that is no longer a draft cannot be changed (D12)';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER report_back_assessments_inserted AFTER INSERT ON report_back_assessments
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_assessments_updated_from AFTER UPDATE ON report_back_assessments
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_assessments_updated_to AFTER UPDATE ON report_back_assessments
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_assessments_deleted AFTER DELETE ON report_back_assessments
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_actions_inserted AFTER INSERT ON report_back_actions
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_actions_updated_from AFTER UPDATE ON report_back_actions
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_actions_updated_to AFTER UPDATE ON report_back_actions
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_actions_deleted AFTER DELETE ON report_back_actions
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_topics_inserted AFTER INSERT ON report_back_topics
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_topics_updated_from AFTER UPDATE ON report_back_topics
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_topics_updated_to AFTER UPDATE ON report_back_topics
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_topics_deleted AFTER DELETE ON report_back_topics
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_values_inserted AFTER INSERT ON report_back_values
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_values_updated_from AFTER UPDATE ON report_back_values
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_values_updated_to AFTER UPDATE ON report_back_values
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();
CREATE TRIGGER report_back_values_deleted AFTER DELETE ON report_back_values
  REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_back_content_keep_submitted();

-- The outbox. Ids are assigned by the database: a notification has no natural key.
-- read_at, next_attempt_at and sent_at are NULL until they happen. Timestamps are ISO text
-- compared bytewise (COLLATE "C"), whatever the database's collation.
CREATE TABLE notifications (
  id BIGSERIAL PRIMARY KEY,
  organisation TEXT COLLATE "C" NOT NULL
    REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  person TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  read_at TEXT,
  email TEXT NOT NULL,
  email_state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT COLLATE "C",
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
