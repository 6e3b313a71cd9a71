-- An import row's key may be what names a person (a profile keys rows by the columns it
-- is told to). It is kept as a keyed fingerprint, by which a row is found again, and
-- sealed under its record's key, for `linkage clusters`; never in clear. Rows written
-- before hold their key in clear and no sealed copy until Khronika seals them, at the
-- server's start or the next import (`ImportKeys.sealClear`).
ALTER TABLE import_key ADD COLUMN row_key_sealed BYTEA;
