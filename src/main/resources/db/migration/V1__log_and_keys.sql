-- One set of migrations for SQLite and PostgreSQL: portable types only.

-- The log: append-only. No code path updates or deletes these rows.
CREATE TABLE log_entry (
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
CREATE INDEX log_entry_by_stream ON log_entry (stream_id, seq);

CREATE TABLE log_checkpoint (
    seq        BIGINT      NOT NULL PRIMARY KEY,
    entry_hash VARCHAR(64) NOT NULL,
    signed_at  VARCHAR(40) NOT NULL,
    signature  TEXT        NOT NULL
);

-- Per-subject data keys, wrapped under the keyring's master key. Deleting a row shreds the subject.
CREATE TABLE subject_key (
    subject_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    wrapped_key BYTEA       NOT NULL,
    created_at  VARCHAR(40) NOT NULL
);

CREATE TABLE shredded_subject (
    subject_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    shredded_at VARCHAR(40) NOT NULL
);
