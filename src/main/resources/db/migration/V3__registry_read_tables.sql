-- Read tables: projections of the log, rebuilt from it by 'rebuild'. Identifying fields stay
-- sealed here exactly as in the log (the sealed part and the entry it belongs to).
CREATE TABLE registry_record (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    version      INTEGER      NOT NULL,
    public_part  TEXT         NOT NULL,
    sealed_part  BYTEA,
    sealed_entry VARCHAR(36),
    shredded     BOOLEAN      NOT NULL,
    created_at   VARCHAR(40)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    updated_at   VARCHAR(40)  NOT NULL,
    updated_by   VARCHAR(100) NOT NULL,
    last_seq     BIGINT       NOT NULL
);
CREATE INDEX registry_record_by_kind ON registry_record (kind, updated_at);

-- Links between records: incident -> person, case -> person, case event -> case, any -> source.
CREATE TABLE registry_link (
    from_id  VARCHAR(36) NOT NULL,
    relation VARCHAR(20) NOT NULL,
    to_id    VARCHAR(36) NOT NULL,
    PRIMARY KEY (from_id, relation, to_id)
);
CREATE INDEX registry_link_by_target ON registry_link (to_id, relation);

-- The last log position each projection applied; replays skip what is older.
CREATE TABLE projection_position (
    projection VARCHAR(40) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL
);
