-- Deviations (D11), PostgreSQL's dialect of sqlite/migrations/004_deviations.sql (keep the two
-- alike): reported on a unit, told at once to every level of the chain their gravity reaches,
-- with corrective actions and a timeline of who knew what when. Keys start with the
-- organisation, as in 001; foreign keys are deferred so that a whole organisation can be
-- written in any order within a transaction; codes sort bytewise (COLLATE "C"). Texts the
-- model holds as empty strings are '' (timestamps are ISO text, compared bytewise); references
-- that may be missing are NULL, so that the foreign key checks only those that are there.

-- affected_items and affected_indicators: codes, space-separated ('' when none), always read
-- with the deviation. budget_effect_sek and council_meeting are NULL when unset; confidential
-- is 0 or 1, as accounts.administrator, so both backends read it alike.
CREATE TABLE deviations (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  code TEXT COLLATE "C" NOT NULL,
  unit TEXT COLLATE "C" NOT NULL,
  reported_by TEXT COLLATE "C" NOT NULL,
  reported_at TEXT COLLATE "C" NOT NULL,
  category TEXT NOT NULL,
  gravity INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  occurred_on DATE NOT NULL,
  affected_items TEXT NOT NULL,
  affected_indicators TEXT NOT NULL,
  budget_effect_sek BIGINT,
  immediate_actions TEXT NOT NULL,
  confidential INTEGER NOT NULL CHECK (confidential IN (0, 1)),
  state TEXT NOT NULL,
  closing_note TEXT NOT NULL,
  closed_by TEXT COLLATE "C" NOT NULL,
  closed_at TEXT COLLATE "C" NOT NULL,
  council_listed_at TEXT COLLATE "C" NOT NULL,
  council_meeting DATE,
  revision BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation, code),
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, reported_by) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
-- The register filtered by state (the open ones).
CREATE INDEX deviations_by_state ON deviations (organisation, state);

-- One row per level of the chain that must know, position 1 being the reporting unit. people:
-- who was told, space-separated person codes.
CREATE TABLE deviation_levels (
  organisation TEXT COLLATE "C" NOT NULL,
  deviation TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  unit TEXT COLLATE "C" NOT NULL,
  people TEXT NOT NULL,
  notified_at TEXT COLLATE "C" NOT NULL,
  acknowledged_at TEXT COLLATE "C" NOT NULL,
  acknowledged_by TEXT COLLATE "C" NOT NULL,
  due_at TEXT COLLATE "C" NOT NULL,
  reminded_at TEXT COLLATE "C" NOT NULL,
  escalated_at TEXT COLLATE "C" NOT NULL,
  released_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (organisation, deviation, position),
  FOREIGN KEY (organisation, deviation) REFERENCES deviations (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, unit) REFERENCES units (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);
-- The sweep's question, across every organisation of the database: which levels still wait for
-- an acknowledgement whose time has run out. Only such levels are in the index, so it stays as
-- small as the backlog however many deviations the database holds.
CREATE INDEX deviation_levels_due ON deviation_levels (due_at, organisation, deviation)
  WHERE acknowledged_at = '' AND escalated_at = '' AND released_at = '' AND due_at <> '';

-- owner is NULL while an action has none.
CREATE TABLE deviation_actions (
  organisation TEXT COLLATE "C" NOT NULL,
  deviation TEXT COLLATE "C" NOT NULL,
  number INTEGER NOT NULL,
  description TEXT NOT NULL,
  owner TEXT COLLATE "C",
  due DATE NOT NULL,
  status TEXT NOT NULL,
  added_by TEXT COLLATE "C" NOT NULL,
  added_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (organisation, deviation, number),
  FOREIGN KEY (organisation, deviation) REFERENCES deviations (organisation, code)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (organisation, owner) REFERENCES people (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- The timeline. person is '' for what the sweep did; gravity, level and action are 0 where
-- they do not apply; people: who was told, space-separated person codes.
CREATE TABLE deviation_events (
  organisation TEXT COLLATE "C" NOT NULL,
  deviation TEXT COLLATE "C" NOT NULL,
  sequence INTEGER NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  person TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  gravity INTEGER NOT NULL,
  level INTEGER NOT NULL,
  action INTEGER NOT NULL,
  people TEXT NOT NULL,
  PRIMARY KEY (organisation, deviation, sequence),
  FOREIGN KEY (organisation, deviation) REFERENCES deviations (organisation, code)
    DEFERRABLE INITIALLY DEFERRED
);

-- D11: it is recorded who was told what and when, and that record is evidence: the timeline is
-- only ever added to, whatever writes to the database.
CREATE FUNCTION deviation_events_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the timeline of a deviation is never changed (D11)';
END
$$;
CREATE TRIGGER deviation_events_never_change BEFORE UPDATE OR DELETE ON deviation_events
  FOR EACH ROW EXECUTE FUNCTION deviation_events_never_change();
CREATE TRIGGER deviation_events_never_truncated BEFORE TRUNCATE ON deviation_events
  FOR EACH STATEMENT EXECUTE FUNCTION deviation_events_never_change();

-- How far each gravity goes in an organisation and how long a level has to acknowledge it
-- (hours, or business days when business_days > 0). No rows: the defaults.
CREATE TABLE deviation_settings (
  organisation TEXT COLLATE "C" NOT NULL REFERENCES organisations (code) DEFERRABLE INITIALLY DEFERRED,
  gravity INTEGER NOT NULL,
  reach TEXT NOT NULL,
  hours INTEGER NOT NULL,
  business_days INTEGER NOT NULL,
  PRIMARY KEY (organisation, gravity)
);
