-- The files sent with a report (photos, court papers), each sealed under the report's attachment
-- key with Tink's streaming AEAD; that key is sealed to the intake key like the report itself.
-- For each file three sealed parts: its description (name, kind, size, what hidden data was taken
-- out), the file cleaned of that hidden data (what staff open), and the untouched original, kept
-- for evidence and opened only on purpose. Nothing about a file is in clear but its place in the
-- report.
ALTER TABLE intake_report ADD COLUMN attachment_key BYTEA;

CREATE TABLE intake_attachment (
    report_id   VARCHAR(36) NOT NULL,
    position    INTEGER     NOT NULL,
    description BYTEA       NOT NULL,
    cleaned     BYTEA       NOT NULL,
    original    BYTEA       NOT NULL,
    PRIMARY KEY (report_id, position)
);
