-- Model registry: models (deployment names), their versions, aliases and tags, and the append-only history of
-- every change. Times are epoch milliseconds (BIGINT) so ordering and arithmetic are the same in every engine.
-- Portable SQL except the append-only triggers at the end (PostgreSQL needs its own trigger functions).

CREATE TABLE models (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(200) NOT NULL
);

CREATE TABLE model_versions (
    model_name  VARCHAR(200) NOT NULL REFERENCES models (name),
    version     VARCHAR(100) NOT NULL,
    template    TEXT         NOT NULL,
    dialect     VARCHAR(20)  NOT NULL,
    test_report TEXT,
    status      VARCHAR(20)  NOT NULL
        CHECK (status IN ('candidate', 'canary', 'stable', 'deprecated', 'failed')),
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    PRIMARY KEY (model_name, version)
);

CREATE TABLE model_aliases (
    model_name  VARCHAR(200) NOT NULL,
    alias       VARCHAR(50)  NOT NULL,
    version     VARCHAR(100) NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    PRIMARY KEY (model_name, alias),
    FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version)
);

CREATE TABLE model_tags (
    model_name  VARCHAR(200) NOT NULL,
    version     VARCHAR(100) NOT NULL,
    tag_key     VARCHAR(100) NOT NULL,
    tag_value   TEXT         NOT NULL,
    PRIMARY KEY (model_name, version, tag_key),
    FOREIGN KEY (model_name, version) REFERENCES model_versions (model_name, version)
);

-- One row per change, numbered per model; rows are never updated or deleted.
CREATE TABLE registry_events (
    model_name  VARCHAR(200) NOT NULL REFERENCES models (name),
    seq         INTEGER      NOT NULL,
    at          BIGINT       NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    version     VARCHAR(100),
    name        VARCHAR(100),
    from_value  VARCHAR(200),
    to_value    VARCHAR(200),
    reason      TEXT,
    PRIMARY KEY (model_name, seq)
);

CREATE TRIGGER registry_events_no_update BEFORE UPDATE ON registry_events
BEGIN
    SELECT RAISE(ABORT, 'registry_events is append-only: history rows cannot be changed');
END;

CREATE TRIGGER registry_events_no_delete BEFORE DELETE ON registry_events
BEGIN
    SELECT RAISE(ABORT, 'registry_events is append-only: history rows cannot be deleted');
END;
