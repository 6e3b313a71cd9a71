-- Editors' decisions to list a person on the prisoners list under a methodology that lists by
-- decision: who decided, on which day, and the written reasons, sealed under the person's own key
-- (reasons can describe the person; shredding the person destroys them). The log holds a
-- prisoners.listed or prisoners.unlisted entry for each decision, naming person and methodology.
CREATE TABLE prisoner_decision (
    person_id   VARCHAR(36)  NOT NULL,
    methodology VARCHAR(60)  NOT NULL,
    reasons     BYTEA        NOT NULL,
    decided_by  VARCHAR(100) NOT NULL,
    decided_on  VARCHAR(10)  NOT NULL,
    PRIMARY KEY (person_id, methodology)
);
