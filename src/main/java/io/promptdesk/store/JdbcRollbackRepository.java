package io.promptdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.promptdesk.engine.rollback.HealthSnapshot;
import io.promptdesk.engine.rollback.RollbackException;
import io.promptdesk.engine.rollback.RollbackRecord;
import io.promptdesk.engine.rollback.RollbackRepository;
import io.promptdesk.engine.rollback.RollbackStatus;
import io.promptdesk.engine.rollback.RollbackStep;
import io.promptdesk.engine.rollback.StepRecord;
import io.promptdesk.engine.rollback.StepState;
import io.promptdesk.json.Json;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Rollbacks and their step records in the workspace database; plain SQL that PostgreSQL also runs. */
public final class JdbcRollbackRepository implements RollbackRepository {
    private static final String COLUMNS = "rollback_id, model_name, from_version, to_version, reason, triggered_by, "
            + "skip_validation, status, step, switched, start_time, deadline, end_time, pre_rollback, post_rollback, "
            + "error, owner, revision";

    private final Database db;

    public JdbcRollbackRepository(Database db) {
        this.db = db;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return db.write(c -> work.get());
    }

    @Override
    public Optional<RollbackRecord> find(String rollbackId) {
        return db.read(c -> Jdbc.first(c, "SELECT " + COLUMNS + " FROM rollbacks WHERE rollback_id = ?",
                JdbcRollbackRepository::record, rollbackId));
    }

    @Override
    public Optional<RollbackRecord> running(String model) {
        return db.read(c -> Jdbc.first(c, "SELECT " + COLUMNS + " FROM rollbacks WHERE model_name = ? AND status = "
                + "'running'", JdbcRollbackRepository::record, model));
    }

    @Override
    public Optional<RollbackRecord> latest(String model) {
        return db.read(c -> Jdbc.first(c, "SELECT " + COLUMNS + " FROM rollbacks WHERE model_name = ? "
                + "ORDER BY start_time DESC, rollback_id DESC LIMIT 1", JdbcRollbackRepository::record, model));
    }

    @Override
    public List<RollbackRecord> history(String model, int limit) {
        return db.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM rollbacks WHERE model_name = ? "
                + "ORDER BY start_time DESC, rollback_id DESC LIMIT ?", JdbcRollbackRepository::record, model, limit));
    }

    @Override
    public List<RollbackRecord> unfinished() {
        return db.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM rollbacks WHERE status IN ('running', "
                + "'interrupted') ORDER BY start_time, rollback_id", JdbcRollbackRepository::record));
    }

    @Override
    public void insert(RollbackRecord r) {
        try {
            db.write(c -> Jdbc.update(c, "INSERT INTO rollbacks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?, ?, ?, ?)", r.rollbackId(), r.modelName(), r.fromVersion(), r.toVersion(),
                    r.reason(), r.triggeredBy(), r.skipValidation() ? 1 : 0, r.status().key(), r.step().key(),
                    r.switched() ? 1 : 0, millis(r.startTime()), millis(r.deadline()), millis(r.endTime()),
                    json(r.preRollback()), json(r.postRollback()), r.error(), r.owner(), r.revision()));
        } catch (StoreException e) {
            if (e.problem() == StoreException.Problem.CONSTRAINT && running(r.modelName()).isPresent()) {
                throw new RollbackException(r.modelName() + " already has a running rollback, started meanwhile by "
                        + "another process");
            }
            throw e;
        }
    }

    @Override
    public boolean update(RollbackRecord r) {
        return db.write(c -> Jdbc.update(c, "UPDATE rollbacks SET status = ?, step = ?, switched = ?, end_time = ?, "
                        + "pre_rollback = ?, post_rollback = ?, error = ?, owner = ?, revision = ? "
                        + "WHERE rollback_id = ? AND revision = ?", r.status().key(), r.step().key(),
                r.switched() ? 1 : 0, millis(r.endTime()), json(r.preRollback()), json(r.postRollback()), r.error(),
                r.owner(), r.revision(), r.rollbackId(), r.revision() - 1) == 1);
    }

    @Override
    public StepRecord append(StepRecord s) {
        return db.write(c -> {
            long seq = Jdbc.nextSeq(c, "rollback_steps", "rollback_id", s.rollbackId());
            Jdbc.update(c, "INSERT INTO rollback_steps (rollback_id, seq, at, step, state, detail) VALUES (?, ?, ?, ?, "
                    + "?, ?)", s.rollbackId(), seq, millis(s.at()), s.step().key(), s.state().key(), s.detail());
            return new StepRecord(s.rollbackId(), seq, s.at(), s.step(), s.state(), s.detail());
        });
    }

    @Override
    public List<StepRecord> steps(String rollbackId) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM rollback_steps WHERE rollback_id = ? ORDER BY seq", rs ->
                new StepRecord(rs.getString("rollback_id"), rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")),
                        RollbackStep.of(rs.getString("step")), StepState.of(rs.getString("state")),
                        rs.getString("detail")), rollbackId));
    }

    private static RollbackRecord record(ResultSet rs) throws SQLException {
        Long end = Jdbc.longOrNull(rs, "end_time");
        return new RollbackRecord(rs.getString("rollback_id"), rs.getString("model_name"),
                rs.getString("from_version"), rs.getString("to_version"), rs.getString("reason"),
                rs.getString("triggered_by"), rs.getInt("skip_validation") != 0, RollbackStatus.of(rs.getString("status")),
                RollbackStep.of(rs.getString("step")), rs.getInt("switched") != 0,
                Instant.ofEpochMilli(rs.getLong("start_time")), Instant.ofEpochMilli(rs.getLong("deadline")),
                end == null ? null : Instant.ofEpochMilli(end), snapshot(rs.getString("pre_rollback")),
                snapshot(rs.getString("post_rollback")), rs.getString("error"), rs.getString("owner"),
                rs.getInt("revision"));
    }

    private static String json(HealthSnapshot s) {
        return s == null ? null : Json.write(s);
    }

    private static HealthSnapshot snapshot(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, HealthSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable health snapshot in the rollback store: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
