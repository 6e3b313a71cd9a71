-- Person records confirmed to be one person (person.linked, person.unlinked) and pairs found
-- not to be (person.link-rejected): projections of the log, rebuilt with the other read tables.
-- A pair is stored once, its lesser id first. person_cluster gives each linked person record
-- the person it belongs to: the least id of the records linked together; a record linked to
-- none has no row and is its own person.
CREATE TABLE person_link (
    left_id   VARCHAR(36)  NOT NULL,
    right_id  VARCHAR(36)  NOT NULL,
    linked_at VARCHAR(40)  NOT NULL,
    linked_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (left_id, right_id)
);
CREATE INDEX person_link_by_right ON person_link (right_id);

CREATE TABLE person_link_rejected (
    left_id     VARCHAR(36)  NOT NULL,
    right_id    VARCHAR(36)  NOT NULL,
    rejected_at VARCHAR(40)  NOT NULL,
    rejected_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (left_id, right_id)
);

CREATE TABLE person_cluster (
    person_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    cluster_id VARCHAR(36) NOT NULL
);
CREATE INDEX person_cluster_by_cluster ON person_cluster (cluster_id);

-- readers that keep their own copy (the search index) ask which records changed since a position
CREATE INDEX registry_record_by_seq ON registry_record (last_seq);
CREATE INDEX fact_case_by_person ON fact_case (person);

-- Linkage's latest proposals: pairs of person records that may be one person, with the
-- model's probability. Worked out again by each linkage run from the registry; not part of
-- the log (a proposal changes nothing until someone confirms it, which the log records).
-- Holds ids and a number only: the reasons are put into words when shown.
CREATE TABLE link_proposal (
    left_id     VARCHAR(36)      NOT NULL,
    right_id    VARCHAR(36)      NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    proposed_at VARCHAR(40)      NOT NULL,
    PRIMARY KEY (left_id, right_id)
);
CREATE INDEX link_proposal_by_probability ON link_proposal (probability);
