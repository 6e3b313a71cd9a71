-- A snapshot's open data and prisoners list are taken with its figures and never changed.
-- incidents: the published incidents table (public fields only) as gzip-compressed CSV; the
-- log's publication.snapshot entry holds its SHA-256 beside the figures'.
ALTER TABLE publication_snapshot ADD COLUMN incidents BYTEA;

-- The prisoners list of a snapshot: each entry (a consenting person's name, region, articles,
-- status, dates, court, place of custody and, with consent, a facility's address) sealed under
-- the person's own key, so that shredding the person removes them from every snapshot.
CREATE TABLE publication_prisoner (
    snapshot_id VARCHAR(36) NOT NULL,
    position    INTEGER     NOT NULL,
    person_id   VARCHAR(36) NOT NULL,
    entry       BYTEA       NOT NULL,
    PRIMARY KEY (snapshot_id, position)
);
