CREATE TABLE account (
    login         VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    VARCHAR(40)  NOT NULL
);

-- API tokens are stored only as SHA-256 hashes.
CREATE TABLE api_token (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    login      VARCHAR(64) NOT NULL REFERENCES account (login),
    created_at VARCHAR(40) NOT NULL
);
