-- Publication snapshots: every planned figure as published on a day, suppressed, as one JSON
-- document (codes, not names: a snapshot is in every language). Written once and never changed:
-- the log's publication.snapshot entry holds the document's SHA-256, the day and the log
-- position the figures reflect, so a changed document no longer matches its entry; entry_seq is
-- that entry's place in the log, which orders the snapshots. Nothing here
-- names a person.
CREATE TABLE publication_snapshot (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    entry_seq    BIGINT       NOT NULL UNIQUE,
    taken_on     VARCHAR(10)  NOT NULL,
    log_position BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    document     TEXT         NOT NULL
);
