-- What each imported row last recorded, as a keyed fingerprint (HMAC-SHA256 under a key wrapped
-- by the keyring): importing a table again compares rows without opening a record. Rows imported
-- before have none; the next import compares them once by opening their record.
ALTER TABLE import_key ADD COLUMN row_hash VARCHAR(64);
