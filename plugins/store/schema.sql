-- The kdx store: the whole kdx model (core/include/kdx/model.hpp) in tables,
-- schema version 2. See docs/store.md.
--
-- Written for SQLite and PostgreSQL alike: ids are assigned by kdx (no
-- AUTOINCREMENT or SERIAL), booleans are 0/1 integers, and keys that hold an
-- optional part use an expression index. Every record table has `seq`, its
-- place in the dataset's order, and the record's origin: `source_id` (a row of
-- `sources`, NULL when unknown), `line` and `col` (0 when unknown).
--
-- A Value (missing, present, suppressed) is two columns: the number (NULL
-- unless present) and `<name>_suppressed` (1 when the source hid the figure).

CREATE TABLE kdx_meta (
    key   TEXT PRIMARY KEY,      -- 'schema_version', 'created_by'
    value TEXT NOT NULL
);

-- One row per file read by one write: where records came from and when.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL,   -- as named when it was read
    sha256      TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),  -- of the file's bytes
    imported_at TEXT NOT NULL,   -- UTC, ISO 8601: 2026-12-07T01:02:03Z
    mode        TEXT NOT NULL CHECK (mode IN ('create', 'merge', 'replace')),
    kdx_version TEXT NOT NULL DEFAULT ''   -- added in version 2
);

-- kdx::Source: a file, or one sheet of it.
CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports (id),
    sheet     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE dataset_info (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT '',
    publisher   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE provenance (
    seq  INTEGER PRIMARY KEY,
    note TEXT NOT NULL
);

CREATE TABLE data_sources (
    seq       INTEGER PRIMARY KEY,
    publisher TEXT NOT NULL DEFAULT '',
    title_nb  TEXT NOT NULL DEFAULT '',
    title_nn  TEXT NOT NULL DEFAULT '',
    title_en  TEXT NOT NULL DEFAULT '',
    as_of     TEXT NOT NULL DEFAULT '',
    licence   TEXT NOT NULL DEFAULT '',
    link      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE indicators (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    label_nb         TEXT NOT NULL DEFAULT '',
    label_nn         TEXT NOT NULL DEFAULT '',
    label_en         TEXT NOT NULL DEFAULT '',
    unit             TEXT NOT NULL
        CHECK (unit IN ('persons', 'percent', 'per-mille', 'nok', 'years', 'other')),
    additive         INTEGER NOT NULL CHECK (additive IN (0, 1)),
    person_statistic INTEGER NOT NULL CHECK (person_statistic IN (0, 1))
);

CREATE TABLE municipalities (
    seq           INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL DEFAULT '',
    county_number TEXT NOT NULL DEFAULT '',
    county_name   TEXT NOT NULL DEFAULT '',
    imdi_region   TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT '' CHECK (language IN ('', 'nb', 'nn', 'neutral')),
    population    INTEGER,
    valid_from    INTEGER NOT NULL DEFAULT 0,
    valid_to      INTEGER NOT NULL DEFAULT 0,
    source_id     INTEGER REFERENCES sources (id),
    line          INTEGER NOT NULL DEFAULT 0,
    col           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE municipality_names (
    municipality_seq INTEGER NOT NULL REFERENCES municipalities (seq) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    PRIMARY KEY (municipality_seq, position)
);

-- Records name their municipality by number without a foreign key: the model
-- allows figures for the whole country (0000) and for numbers not listed.
CREATE TABLE settlement (
    seq                              INTEGER PRIMARY KEY,
    municipality                     TEXT NOT NULL,
    year                             INTEGER NOT NULL,
    requested                        DOUBLE PRECISION,
    requested_suppressed             INTEGER NOT NULL DEFAULT 0,
    decided                          DOUBLE PRECISION,
    decided_suppressed               INTEGER NOT NULL DEFAULT 0,
    settled                          DOUBLE PRECISION,
    settled_suppressed               INTEGER NOT NULL DEFAULT 0,
    unaccompanied_minors             DOUBLE PRECISION,
    unaccompanied_minors_suppressed  INTEGER NOT NULL DEFAULT 0,
    family_reunifications            DOUBLE PRECISION,
    family_reunifications_suppressed INTEGER NOT NULL DEFAULT 0,
    source_id                        INTEGER REFERENCES sources (id),
    line                             INTEGER NOT NULL DEFAULT 0,
    col                              INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE programmes (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    municipality TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('introduction-programme', 'norwegian-training',
        'vocational-course', 'integration-reception-centre', 'parent-guidance', 'other')),
    name         TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    source_id    INTEGER REFERENCES sources (id),
    line         INTEGER NOT NULL DEFAULT 0,
    col          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE programme_partners (
    programme_seq INTEGER NOT NULL REFERENCES programmes (seq) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    partner       TEXT NOT NULL,
    PRIMARY KEY (programme_seq, position)
);

CREATE TABLE programme_years (
    programme_seq INTEGER NOT NULL REFERENCES programmes (seq) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    PRIMARY KEY (programme_seq, position)
);

-- programme is NULL for a municipality's own outcome; checked at commit, so
-- that a programme replaced in the same import keeps its outcomes.
CREATE TABLE outcomes (
    seq                    INTEGER PRIMARY KEY,
    municipality           TEXT NOT NULL,
    programme              TEXT REFERENCES programmes (id) DEFERRABLE INITIALLY DEFERRED,
    indicator              TEXT NOT NULL,
    year                   INTEGER NOT NULL,
    value                  DOUBLE PRECISION,
    value_suppressed       INTEGER NOT NULL DEFAULT 0,
    unit                   TEXT NOT NULL
        CHECK (unit IN ('persons', 'percent', 'per-mille', 'nok', 'years', 'other')),
    cohort_size            DOUBLE PRECISION,
    cohort_size_suppressed INTEGER NOT NULL DEFAULT 0,
    source                 TEXT NOT NULL DEFAULT '',
    source_id              INTEGER REFERENCES sources (id),
    line                   INTEGER NOT NULL DEFAULT 0,
    col                    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE nominations (
    seq              INTEGER PRIMARY KEY,
    prize            TEXT NOT NULL,
    year             INTEGER NOT NULL,
    municipality     TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('nominated', 'finalist', 'winner')),
    summary          TEXT NOT NULL DEFAULT '',
    last_updated     TEXT NOT NULL DEFAULT '',
    votes            DOUBLE PRECISION,
    votes_suppressed INTEGER NOT NULL DEFAULT 0,
    source_id        INTEGER REFERENCES sources (id),
    line             INTEGER NOT NULL DEFAULT 0,
    col              INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE nomination_sections (
    nomination_seq INTEGER NOT NULL REFERENCES nominations (seq) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    heading        TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (nomination_seq, position)
);

INSERT INTO kdx_meta (key, value) VALUES ('schema_version', '2');

-- @keys: the keys of the large tables. A new store creates them after its
-- records are in (sorting once is faster than keeping an index while
-- inserting); kdx splits this text at the line starting "-- @keys".
CREATE UNIQUE INDEX settlement_key ON settlement (municipality, year);
CREATE UNIQUE INDEX outcomes_key
    ON outcomes (municipality, (COALESCE(programme, '')), year, indicator);
CREATE UNIQUE INDEX nominations_key ON nominations (prize, year, municipality);
