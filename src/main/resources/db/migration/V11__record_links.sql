-- Incidents reported twice are linked as one incident the way person records are linked as
-- one person (incident.linked, incident.unlinked, incident.link-rejected): the link tables
-- hold the pairs of either kind (the ids say which), and a proposal says what it proposes.
ALTER TABLE person_link RENAME TO record_link;
DROP INDEX person_link_by_right;
CREATE INDEX record_link_by_right ON record_link (right_id);

ALTER TABLE person_link_rejected RENAME TO record_link_rejected;

ALTER TABLE person_cluster RENAME TO record_cluster;
ALTER TABLE record_cluster RENAME COLUMN person_id TO record_id;
DROP INDEX person_cluster_by_cluster;
CREATE INDEX record_cluster_by_cluster ON record_cluster (cluster_id);

ALTER TABLE link_proposal ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'person';
