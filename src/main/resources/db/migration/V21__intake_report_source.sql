-- A source's page asks which report it was accepted from: found by the source's id, not
-- by a scan of every report.
CREATE INDEX intake_report_source ON intake_report (source_id);
