-- What a reader changed last, by kind: the home page's list and the records a form's
-- link field offers before anything is searched for, found without a scan of the log's
-- order.
CREATE INDEX registry_record_kind_updater ON registry_record (kind, updated_by, last_seq);
CREATE INDEX registry_record_updater ON registry_record (updated_by, last_seq);
