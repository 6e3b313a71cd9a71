-- The audit trail's own hash chain: reads, logins and account changes are appended here,
-- under a lock of their own, so that an audited read never waits for the log's writers.
-- Append-only like log_entry: no code path updates or deletes these rows. Audit entries
-- written by earlier releases stay in log_entry, where they were chained.
CREATE TABLE audit_entry (
    seq            BIGINT       NOT NULL PRIMARY KEY,
    entry_id       VARCHAR(36)  NOT NULL UNIQUE,
    stream_id      VARCHAR(36)  NOT NULL,
    type           VARCHAR(64)  NOT NULL,
    schema_version INTEGER      NOT NULL,
    recorded_at    VARCHAR(40)  NOT NULL,
    actor          VARCHAR(100) NOT NULL,
    public_part    TEXT         NOT NULL,
    sealed_part    BYTEA,
    prev_hash      VARCHAR(64)  NOT NULL,
    entry_hash     VARCHAR(64)  NOT NULL
);

CREATE TABLE audit_checkpoint (
    seq        BIGINT      NOT NULL PRIMARY KEY,
    entry_hash VARCHAR(64) NOT NULL,
    signed_at  VARCHAR(40) NOT NULL,
    signature  TEXT        NOT NULL
);
