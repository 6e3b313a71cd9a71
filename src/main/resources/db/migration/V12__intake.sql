-- Reports taken in through intake (the public form, a hotline operator, the API), each sealed on
-- arrival to the organisation's intake key (HPKE): only the unlocked keyring opens them. In clear
-- are only what the triage queue sorts and filters by, as coarse as the registry's public facts:
-- the day it came in (never the time), the channel, what happened (a code) and the region (a code).
-- Nothing about the reporter: no address, no browser, no time of day. The receipt is kept as its
-- SHA-256 only (160 random bits: no table of hashes can be searched for it).
CREATE TABLE intake_report (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    received_on  VARCHAR(10)  NOT NULL,
    channel      VARCHAR(20)  NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    region       VARCHAR(60),
    state        VARCHAR(20)  NOT NULL,
    assignee     VARCHAR(100),
    changed_on   VARCHAR(10)  NOT NULL,
    receipt_hash VARCHAR(64)  NOT NULL UNIQUE,
    answers      BYTEA        NOT NULL
);
CREATE INDEX intake_report_by_state ON intake_report (state, received_on);
