-- Changes PromptDesk makes in a remote registry (MLflow), which keeps no history of its own: every alias move,
-- status and tag change, with who, when and why. Keyed by the registry's address so two servers never mix.
-- No foreign keys: the models live in the remote registry, not here.

CREATE TABLE remote_registry_events (
    registry    VARCHAR(500) NOT NULL,
    model_name  VARCHAR(200) NOT NULL,
    seq         INTEGER      NOT NULL,
    at          BIGINT       NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    version     VARCHAR(100),
    name        VARCHAR(255),
    from_value  VARCHAR(255),
    to_value    TEXT,
    reason      TEXT,
    PRIMARY KEY (registry, model_name, seq)
);

CREATE TRIGGER remote_registry_events_no_update BEFORE UPDATE ON remote_registry_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('remote_registry_events is append-only: history rows cannot be changed');

CREATE TRIGGER remote_registry_events_no_delete BEFORE DELETE ON remote_registry_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('remote_registry_events is append-only: history rows cannot be deleted');
