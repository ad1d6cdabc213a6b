-- Rollbacks: the current state of each rollback (one row, updated in place with a revision number so that a
-- watchdog or a recovering process can fence a worker that was given up on), the append-only record of its steps,
-- each written before the step is acted on, and the hash-chained audit log of every rollout and rollback action.
-- No foreign keys to the registry's tables: with a remote registry (MLflow) the models do not live here.

CREATE TABLE rollbacks (
    rollback_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    model_name      VARCHAR(200) NOT NULL,
    from_version    VARCHAR(100) NOT NULL,
    to_version      VARCHAR(100) NOT NULL,
    reason          TEXT         NOT NULL,
    triggered_by    VARCHAR(200) NOT NULL,
    skip_validation SMALLINT     NOT NULL,
    status          VARCHAR(20)  NOT NULL
        CHECK (status IN ('running', 'success', 'failed', 'timeout', 'interrupted')),
    step            VARCHAR(20)  NOT NULL,
    switched        SMALLINT     NOT NULL,
    start_time      BIGINT       NOT NULL,
    deadline        BIGINT       NOT NULL,
    end_time        BIGINT,
    pre_rollback    TEXT,
    post_rollback   TEXT,
    error           TEXT,
    owner           VARCHAR(300) NOT NULL,
    revision        INTEGER      NOT NULL
);

-- One running rollback per model, whatever process starts it: a double click never rolls back twice.
CREATE UNIQUE INDEX rollbacks_one_running_per_model ON rollbacks (model_name) WHERE status = 'running';

CREATE INDEX rollbacks_by_model ON rollbacks (model_name, start_time);

CREATE TABLE rollback_steps (
    rollback_id VARCHAR(64) NOT NULL REFERENCES rollbacks (rollback_id),
    seq         INTEGER     NOT NULL,
    at          BIGINT      NOT NULL,
    step        VARCHAR(20) NOT NULL,
    state       VARCHAR(20) NOT NULL CHECK (state IN ('started', 'done', 'failed', 'skipped')),
    detail      TEXT,
    PRIMARY KEY (rollback_id, seq)
);

-- Numbered 1, 2, 3 ... without gaps; hash = SHA-256(prev_hash, newline, canonical row).
CREATE TABLE audit_log (
    seq        INTEGER      NOT NULL PRIMARY KEY,
    at         BIGINT       NOT NULL,
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(50)  NOT NULL,
    subject_id VARCHAR(64)  NOT NULL,
    model_name VARCHAR(200) NOT NULL,
    details    TEXT         NOT NULL,
    reason     TEXT,
    prev_hash  CHAR(64)     NOT NULL,
    hash       CHAR(64)     NOT NULL UNIQUE
);

CREATE INDEX audit_log_by_model ON audit_log (model_name, seq);

CREATE TRIGGER rollback_steps_no_update BEFORE UPDATE ON rollback_steps
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('rollback_steps is append-only: history rows cannot be changed');

CREATE TRIGGER rollback_steps_no_delete BEFORE DELETE ON rollback_steps
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('rollback_steps is append-only: history rows cannot be deleted');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('audit_log is append-only: audit rows cannot be changed');

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION promptdesk_append_only('audit_log is append-only: audit rows cannot be deleted');
