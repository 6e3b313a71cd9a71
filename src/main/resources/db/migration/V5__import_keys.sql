-- Which record each imported row became, by the profile and the row's stable key, so that
-- importing the same table again changes nothing and a corrected row revises its record.
-- The key is the profile's key columns as they were in the file: choose columns that
-- identify a row without naming anyone (a row number, a date and place).
CREATE TABLE import_key (
    profile   VARCHAR(100) NOT NULL,
    row_key   VARCHAR(300) NOT NULL,
    record_id VARCHAR(36)  NOT NULL,
    PRIMARY KEY (profile, row_key)
);
