-- Every kind of record has a typed table of its public fields, which its list filters and sorts
-- and statistics count (persons and sources join incidents, cases and case events). They are
-- projections of the log, kept in the same transaction and rebuilt by 'rebuild'.
CREATE TABLE fact_person (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    region       VARCHAR(60),
    may_be_named BOOLEAN      NOT NULL,
    restricted   BOOLEAN      NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    last_seq     BIGINT       NOT NULL
);
CREATE INDEX fact_person_by_region ON fact_person (region);

CREATE TABLE fact_source (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind        VARCHAR(60),
    reliability VARCHAR(2),
    restricted  BOOLEAN      NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    last_seq    BIGINT       NOT NULL
);

-- Every case event now, not only those that decide custody; statistics work custody out
-- themselves, as of any day, so the case rows no longer carry it.
ALTER TABLE fact_case_event ADD COLUMN restricted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE fact_case_event ADD COLUMN created_by VARCHAR(100) NOT NULL DEFAULT '';
CREATE INDEX fact_case_event_by_seq ON fact_case_event (last_seq);
CREATE INDEX fact_case_event_by_day ON fact_case_event (day);
ALTER TABLE fact_case DROP COLUMN custody_since;
ALTER TABLE fact_case DROP COLUMN custody_until;
CREATE INDEX fact_case_by_opened ON fact_case (opened);
CREATE INDEX fact_incident_by_day ON fact_incident (day);

-- Lists page by when records were made, or changed (registry_record_by_kind).
CREATE INDEX registry_record_kind_created ON registry_record (kind, created_at);

-- The new tables fill from the log: the registry rebuilds its read tables once at its next start.
INSERT INTO projection_position (projection, last_seq)
SELECT 'facts-pending', last_seq FROM projection_position WHERE projection = 'registry_record'
AND NOT EXISTS (SELECT 1 FROM projection_position WHERE projection = 'facts-pending');
