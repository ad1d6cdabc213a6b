-- Gradual rollouts: the current state of each rollout (one row, updated in place with a revision number for
-- optimistic concurrency between processes) and the append-only history of its transitions and health checks.

CREATE TABLE rollouts (
    rollout_id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    deployment_name          VARCHAR(200) NOT NULL,
    new_version              VARCHAR(100) NOT NULL,
    stable_version           VARCHAR(100),
    stages                   VARCHAR(400) NOT NULL,
    health_metrics           VARCHAR(400) NOT NULL,
    thresholds               TEXT         NOT NULL,
    stage_duration_ms        BIGINT       NOT NULL,
    health_check_interval_ms BIGINT       NOT NULL,
    on_unhealthy             VARCHAR(20)  NOT NULL CHECK (on_unhealthy IN ('pause', 'rollback')),
    status                   VARCHAR(20)  NOT NULL
        CHECK (status IN ('in_progress', 'paused', 'completed', 'failed', 'rolled_back')),
    current_stage            INTEGER      NOT NULL,
    current_percentage       INTEGER      NOT NULL CHECK (current_percentage BETWEEN 0 AND 100),
    start_time               BIGINT       NOT NULL,
    stage_started_at         BIGINT       NOT NULL,
    paused_at                BIGINT,
    ended_at                 BIGINT,
    last_check_at            BIGINT,
    last_check_outcome       VARCHAR(20),
    last_check_metrics       TEXT,
    revision                 INTEGER      NOT NULL,
    FOREIGN KEY (deployment_name, new_version) REFERENCES model_versions (model_name, version)
);

-- One active rollout per deployment, whatever process starts it.
CREATE UNIQUE INDEX rollouts_one_active_per_deployment ON rollouts (deployment_name)
    WHERE status IN ('in_progress', 'paused');

CREATE INDEX rollouts_by_deployment ON rollouts (deployment_name, start_time);

CREATE TABLE rollout_events (
    rollout_id      VARCHAR(64)  NOT NULL REFERENCES rollouts (rollout_id),
    seq             INTEGER      NOT NULL,
    at              BIGINT       NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    kind            VARCHAR(30)  NOT NULL,
    from_status     VARCHAR(20),
    to_status       VARCHAR(20)  NOT NULL,
    from_percentage INTEGER,
    to_percentage   INTEGER      NOT NULL,
    stage           INTEGER      NOT NULL,
    forced          SMALLINT     NOT NULL,
    reason          TEXT,
    PRIMARY KEY (rollout_id, seq)
);

CREATE TABLE health_checks (
    rollout_id    VARCHAR(64)  NOT NULL REFERENCES rollouts (rollout_id),
    seq           INTEGER      NOT NULL,
    at            BIGINT       NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    check_trigger VARCHAR(20)  NOT NULL,
    stage         INTEGER      NOT NULL,
    percentage    INTEGER      NOT NULL,
    outcome       VARCHAR(20)  NOT NULL CHECK (outcome IN ('healthy', 'inconclusive', 'unhealthy')),
    window_start  BIGINT       NOT NULL,
    window_end    BIGINT       NOT NULL,
    report        TEXT         NOT NULL,
    PRIMARY KEY (rollout_id, seq)
);

CREATE TRIGGER rollout_events_no_update BEFORE UPDATE ON rollout_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('rollout_events is append-only: history rows cannot be changed');

CREATE TRIGGER rollout_events_no_delete BEFORE DELETE ON rollout_events
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('rollout_events is append-only: history rows cannot be deleted');

CREATE TRIGGER health_checks_no_update BEFORE UPDATE ON health_checks
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('health_checks is append-only: history rows cannot be changed');

CREATE TRIGGER health_checks_no_delete BEFORE DELETE ON health_checks
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('health_checks is append-only: history rows cannot be deleted');
