-- Typed facts for statistics: the public fields of incidents and cases, one row per record,
-- kept by the registry's projection in the same transaction as registry_record and rebuilt
-- with it. Nothing here is sealed or identifying: dates, regions, vocabulary codes, counts.
-- restricted and created_by are copies of registry_record's, so that counts apply the same
-- access rule as lists. last_seq is the log position that last changed the row, for
-- readers that keep up incrementally.
CREATE TABLE fact_incident (
    id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    day        VARCHAR(10),
    region     VARCHAR(60),
    type       VARCHAR(60),
    topic      VARCHAR(300),
    organiser  VARCHAR(300),
    agreement  VARCHAR(60),
    detained   INTEGER,
    restricted BOOLEAN      NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    last_seq   BIGINT       NOT NULL
);
CREATE INDEX fact_incident_by_seq ON fact_incident (last_seq);

-- charges: the case's law article codes separated by spaces. custody_since and custody_until
-- say when the person was in custody according to the case's events (custody_until empty:
-- no end known), as the metric 'in-custody' defines it.
CREATE TABLE fact_case (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    person        VARCHAR(36)  NOT NULL,
    opened        VARCHAR(10),
    region        VARCHAR(60),
    kind          VARCHAR(60),
    charges       VARCHAR(600) NOT NULL,
    trigger_code  VARCHAR(60),
    informant     VARCHAR(60),
    status        VARCHAR(60),
    outcome       VARCHAR(60),
    fine_amount   BIGINT,
    sentence_months INTEGER,
    custody_since VARCHAR(10),
    custody_until VARCHAR(10),
    restricted    BOOLEAN      NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    last_seq      BIGINT       NOT NULL
);
CREATE INDEX fact_case_by_seq ON fact_case (last_seq);

-- The events of cases that decide custody (measures of restraint, extensions, verdicts,
-- releases), in the order they happened.
CREATE TABLE fact_case_event (
    id       VARCHAR(36) NOT NULL PRIMARY KEY,
    case_id  VARCHAR(36) NOT NULL,
    type     VARCHAR(60) NOT NULL,
    day      VARCHAR(10),
    measure  VARCHAR(60),
    until    VARCHAR(10),
    last_seq BIGINT      NOT NULL
);
CREATE INDEX fact_case_event_by_case ON fact_case_event (case_id);

-- A data directory written before this migration has records but no facts yet: mark it, and
-- the registry rebuilds its read tables from the log once when it starts.
INSERT INTO projection_position (projection, last_seq)
SELECT 'facts-pending', last_seq FROM projection_position WHERE projection = 'registry_record';
