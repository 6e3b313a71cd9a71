-- Access: roles beyond admin, second factor, session ends, scoped API tokens,
-- restricted records with named users, and the audit trail's read table.

-- Bumped when every session and token of the account must end (logout everywhere,
-- password change, disable). Sessions remember the epoch they started in.
ALTER TABLE account ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- The TOTP secret, sealed under the account's own key (subject 'account:<login>').
CREATE TABLE second_factor (
    login       VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES account (login),
    sealed      BYTEA       NOT NULL,
    -- the last time step accepted: a code is never accepted twice
    last_step   BIGINT      NOT NULL,
    enrolled_at VARCHAR(40) NOT NULL
);

-- One-time recovery codes, stored as SHA-256 of 80 random bits.
CREATE TABLE recovery_code (
    code_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    login     VARCHAR(64) NOT NULL REFERENCES account (login),
    used_at   VARCHAR(40)
);

-- Tokens made before tokens had a role and an expiry cannot be scoped after the fact:
-- they end here and must be created again.
DROP TABLE api_token;
CREATE TABLE api_token (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    login      VARCHAR(64) NOT NULL REFERENCES account (login),
    role       VARCHAR(20) NOT NULL,
    label      VARCHAR(100) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    expires_at VARCHAR(40) NOT NULL,
    revoked_at VARCHAR(40)
);

-- Need-to-know attributes of a record, projected from its access events.
ALTER TABLE registry_record ADD COLUMN restricted BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE registry_access (
    record_id VARCHAR(36) NOT NULL,
    login     VARCHAR(64) NOT NULL,
    PRIMARY KEY (record_id, login)
);
CREATE INDEX registry_access_login ON registry_access (login);
CREATE INDEX registry_record_kind_creator ON registry_record (kind, created_by);

-- The audit trail as a table: one row per record an audited action touched (or one
-- row without a record, for logins and account changes). Rebuilt from the log.
CREATE TABLE audit_trail (
    seq       BIGINT      NOT NULL,
    at        VARCHAR(40) NOT NULL,
    actor     VARCHAR(64) NOT NULL,
    action    VARCHAR(40) NOT NULL,
    detail    VARCHAR(200),
    record_id VARCHAR(36)
);
CREATE INDEX audit_trail_actor ON audit_trail (actor, seq);
CREATE INDEX audit_trail_record ON audit_trail (record_id, seq);
