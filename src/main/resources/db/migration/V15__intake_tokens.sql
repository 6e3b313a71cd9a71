-- Tokens that may only hand in reports (POST /api/v1/reports), for a messenger bot or a partner
-- organisation: each names no account and opens nothing. Only the SHA-256 of a token is kept.
CREATE TABLE intake_token (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    label      VARCHAR(100) NOT NULL UNIQUE,
    created_on VARCHAR(10)  NOT NULL,
    revoked    BOOLEAN      NOT NULL
);
