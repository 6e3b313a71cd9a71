-- An accepted report is itself a source (kind "report") of the records made from it: the source
-- record's id, set when the report is accepted.
ALTER TABLE intake_report ADD COLUMN source_id VARCHAR(36);

-- The messages between a report's reporter and the monitors, sealed under the report's
-- conversation key. That key is kept twice, never in plain: sealed to the intake key (for the
-- monitors) and wrapped under a key derived from the receipt (for the reporter). A report made
-- before messages has neither, and no conversation.
ALTER TABLE intake_report ADD COLUMN conversation_sealed BYTEA;
ALTER TABLE intake_report ADD COLUMN conversation_wrapped BYTEA;

CREATE TABLE intake_message (
    report_id VARCHAR(36) NOT NULL,
    position  INTEGER     NOT NULL,
    sent_on   VARCHAR(10) NOT NULL,
    author    VARCHAR(20) NOT NULL,
    body      BYTEA       NOT NULL,
    PRIMARY KEY (report_id, position)
);
