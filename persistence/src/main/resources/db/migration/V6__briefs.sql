-- Briefs (cahiers des charges): a project's brief, its numbered versions, each version's requirements
-- and the two parties' signatures. Rules in docs/adr/0006-brief-versions-and-sign-off.md.

CREATE TABLE brief (
    agency_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    FOREIGN KEY (agency_id, project_id) REFERENCES project (agency_id, id)
);
CREATE INDEX brief_by_project ON brief (agency_id, project_id, title, id);
CREATE INDEX brief_by_title ON brief (agency_id, title, id);

CREATE TABLE brief_version (
    agency_id               uuid        NOT NULL,
    id                      uuid        NOT NULL,
    brief_id                uuid        NOT NULL,
    number                  integer     NOT NULL CHECK (number >= 1),
    status                  text        NOT NULL CHECK (status IN ('DRAFT', 'AGREED', 'SUPERSEDED')),
    objectives              text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(objectives) <= 50),
    target_users            text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(target_users) <= 50),
    constraints             text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(constraints) <= 50),
    assumptions             text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(assumptions) <= 50),
    out_of_scope            text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(out_of_scope) <= 50),
    launch_date             date,
    communication_plan_date date,
    version                 bigint      NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agency_id, id),
    -- two concurrent edits of an agreed version cannot both create version n + 1
    UNIQUE (agency_id, brief_id, number),
    FOREIGN KEY (agency_id, brief_id) REFERENCES brief (agency_id, id)
);

CREATE TABLE brief_requirement (
    agency_id         uuid         NOT NULL,
    brief_version_id  uuid         NOT NULL,
    position          integer      NOT NULL CHECK (position >= 0),
    -- the same requirement across versions, for comparisons
    key               text         NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
    title             text         NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    user_story        text         CHECK (length(user_story) <= 5000),
    priority          text         NOT NULL CHECK (priority IN ('MUST', 'SHOULD', 'COULD', 'WONT')),
    -- person-days, exact to the hundredth
    estimate_days     numeric(7,2) NOT NULL CHECK (estimate_days >= 0),
    PRIMARY KEY (agency_id, brief_version_id, position),
    UNIQUE (agency_id, brief_version_id, key),
    FOREIGN KEY (agency_id, brief_version_id) REFERENCES brief_version (agency_id, id)
);

CREATE TABLE brief_signature (
    agency_id         uuid        NOT NULL,
    brief_version_id  uuid        NOT NULL,
    party             text        NOT NULL CHECK (party IN ('AGENCY', 'CLIENT')),
    signed_by         uuid        NOT NULL,
    -- the signer's name when they signed: the record of a signature does not change with the user
    signer_name       text        NOT NULL,
    signed_at         timestamptz NOT NULL,
    version_number    integer     NOT NULL CHECK (version_number >= 1),
    PRIMARY KEY (agency_id, brief_version_id, party),
    FOREIGN KEY (agency_id, brief_version_id) REFERENCES brief_version (agency_id, id),
    FOREIGN KEY (agency_id, signed_by) REFERENCES app_user (agency_id, id)
);
