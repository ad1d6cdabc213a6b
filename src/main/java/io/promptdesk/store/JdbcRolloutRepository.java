package io.promptdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.promptdesk.engine.rollout.CheckTrigger;
import io.promptdesk.engine.rollout.DesiredState;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.LastCheck;
import io.promptdesk.engine.rollout.MetricVerdict;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutEventKind;
import io.promptdesk.engine.rollout.RolloutException;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.json.Json;
import io.promptdesk.metrics.Metric;
import io.promptdesk.registry.VersionStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The rollout aggregate in the workspace database; plain SQL that PostgreSQL also runs. */
public final class JdbcRolloutRepository implements RolloutRepository {
    private static final String ACTIVE = "status IN ('in_progress', 'paused')";

    private final Database db;

    public JdbcRolloutRepository(Database db) {
        this.db = db;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return db.write(c -> work.get());
    }

    @Override
    public Optional<Rollout> find(String rolloutId) {
        return db.read(c -> Jdbc.first(c, "SELECT * FROM rollouts WHERE rollout_id = ?", JdbcRolloutRepository::rollout,
                rolloutId));
    }

    @Override
    public Optional<Rollout> active(String deployment) {
        return db.read(c -> Jdbc.first(c, "SELECT * FROM rollouts WHERE deployment_name = ? AND " + ACTIVE,
                JdbcRolloutRepository::rollout, deployment));
    }

    @Override
    public Optional<Rollout> latest(String deployment) {
        return db.read(c -> Jdbc.first(c, "SELECT * FROM rollouts WHERE deployment_name = ? "
                + "ORDER BY start_time DESC, rollout_id DESC", JdbcRolloutRepository::rollout, deployment));
    }

    @Override
    public List<Rollout> allActive() {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM rollouts WHERE " + ACTIVE + " ORDER BY start_time, deployment_name",
                JdbcRolloutRepository::rollout));
    }

    @Override
    public List<Rollout> history(String deployment) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM rollouts WHERE deployment_name = ? "
                + "ORDER BY start_time DESC, rollout_id DESC", JdbcRolloutRepository::rollout, deployment));
    }

    @Override
    public void insert(Rollout r) {
        try {
            db.write(c -> Jdbc.update(c, "INSERT INTO rollouts (rollout_id, deployment_name, new_version, "
                            + "stable_version, stages, health_metrics, thresholds, stage_duration_ms, "
                            + "health_check_interval_ms, on_unhealthy, status, current_stage, current_percentage, "
                            + "start_time, stage_started_at, paused_at, ended_at, last_check_at, last_check_outcome, "
                            + "last_check_metrics, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?)", r.rolloutId(), r.deploymentName(), r.newVersion(), r.stableVersion(),
                    r.plan().stages().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    r.plan().healthMetrics().stream().map(Metric::key).collect(Collectors.joining(",")),
                    Json.write(thresholdKeys(r.plan().thresholds())), r.plan().stageDuration().toMillis(),
                    r.plan().healthCheckInterval().toMillis(), r.plan().onUnhealthy().key(), r.status().key(),
                    r.currentStage(), r.currentPercentage(), millis(r.startTime()), millis(r.stageStartedAt()),
                    millis(r.pausedAt()), millis(r.endedAt()), r.lastCheck() == null ? null : millis(r.lastCheck().at()),
                    r.lastCheck() == null ? null : r.lastCheck().outcome().key(),
                    r.lastCheck() == null ? null : Json.write(r.lastCheck().metrics()), r.revision()));
        } catch (StoreException e) {
            if (e.problem() == StoreException.Problem.CONSTRAINT && active(r.deploymentName()).isPresent()) {
                throw new RolloutException(r.deploymentName() + " already has an active rollout, started meanwhile "
                        + "by another process: complete or abort it before starting another");
            }
            throw e;
        }
    }

    @Override
    public boolean update(Rollout r) {
        return db.write(c -> Jdbc.update(c, "UPDATE rollouts SET status = ?, current_stage = ?, current_percentage = ?, "
                        + "stage_started_at = ?, paused_at = ?, ended_at = ?, last_check_at = ?, last_check_outcome = ?, "
                        + "last_check_metrics = ?, revision = ? WHERE rollout_id = ? AND revision = ?",
                r.status().key(), r.currentStage(), r.currentPercentage(), millis(r.stageStartedAt()),
                millis(r.pausedAt()), millis(r.endedAt()), r.lastCheck() == null ? null : millis(r.lastCheck().at()),
                r.lastCheck() == null ? null : r.lastCheck().outcome().key(),
                r.lastCheck() == null ? null : Json.write(r.lastCheck().metrics()), r.revision(), r.rolloutId(),
                r.revision() - 1) == 1);
    }

    @Override
    public RolloutEvent append(RolloutEvent e) {
        return db.write(c -> {
            long seq = Jdbc.nextSeq(c, "rollout_events", "rollout_id", e.rolloutId());
            Jdbc.update(c, "INSERT INTO rollout_events (rollout_id, seq, at, actor, kind, from_status, to_status, "
                            + "from_percentage, to_percentage, stage, forced, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.rolloutId(), seq, millis(e.at()), e.actor(), e.kind().key(),
                    e.fromStatus() == null ? null : e.fromStatus().key(), e.toStatus().key(), e.fromPercentage(),
                    e.toPercentage(), e.stage(), e.forced() ? 1 : 0, e.reason());
            return new RolloutEvent(e.rolloutId(), seq, e.at(), e.actor(), e.kind(), e.fromStatus(), e.toStatus(),
                    e.fromPercentage(), e.toPercentage(), e.stage(), e.forced(), e.reason());
        });
    }

    @Override
    public HealthCheck append(HealthCheck h) {
        return db.write(c -> {
            long seq = Jdbc.nextSeq(c, "health_checks", "rollout_id", h.rolloutId());
            Jdbc.update(c, "INSERT INTO health_checks (rollout_id, seq, at, actor, check_trigger, stage, percentage, "
                            + "outcome, window_start, window_end, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    h.rolloutId(), seq, millis(h.at()), h.actor(), h.trigger().key(), h.stage(), h.percentage(),
                    h.outcome().key(), millis(h.windowStart()), millis(h.windowEnd()), Json.write(h.verdicts()));
            return new HealthCheck(h.rolloutId(), seq, h.at(), h.actor(), h.trigger(), h.stage(), h.percentage(),
                    h.outcome(), h.windowStart(), h.windowEnd(), h.verdicts());
        });
    }

    @Override
    public List<RolloutEvent> events(String rolloutId) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM rollout_events WHERE rollout_id = ? ORDER BY seq", rs -> {
            String from = rs.getString("from_status");
            long fromPct = rs.getLong("from_percentage");
            Integer fromPercentage = rs.wasNull() ? null : (int) fromPct;
            return new RolloutEvent(rs.getString("rollout_id"), rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")),
                    rs.getString("actor"), RolloutEventKind.of(rs.getString("kind")),
                    from == null ? null : RolloutStatus.of(from), RolloutStatus.of(rs.getString("to_status")),
                    fromPercentage, rs.getInt("to_percentage"), rs.getInt("stage"), rs.getInt("forced") != 0,
                    rs.getString("reason"));
        }, rolloutId));
    }

    @Override
    public List<HealthCheck> healthChecks(String rolloutId) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM health_checks WHERE rollout_id = ? ORDER BY seq", rs ->
                new HealthCheck(rs.getString("rollout_id"), rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"), CheckTrigger.of(rs.getString("check_trigger")), rs.getInt("stage"),
                        rs.getInt("percentage"), HealthOutcome.of(rs.getString("outcome")),
                        Instant.ofEpochMilli(rs.getLong("window_start")), Instant.ofEpochMilli(rs.getLong("window_end")),
                        parse(rs.getString("report"), new TypeReference<List<MetricVerdict>>() {
                        })), rolloutId));
    }

    @Override
    public Optional<DesiredState> desired(String deployment) {
        return db.read(c -> Jdbc.first(c, "SELECT * FROM deployment_state WHERE deployment_name = ?",
                JdbcRolloutRepository::desiredState, deployment));
    }

    @Override
    public List<DesiredState> allDesired() {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM deployment_state ORDER BY deployment_name",
                JdbcRolloutRepository::desiredState));
    }

    @Override
    public boolean saveDesired(DesiredState s) {
        String statuses = Json.write(statusKeys(s.statuses()));
        return db.write(c -> {
            if (s.generation() == 1) {
                if (Jdbc.first(c, "SELECT generation FROM deployment_state WHERE deployment_name = ?",
                        rs -> rs.getLong(1), s.deployment()).isPresent()) {
                    return false;
                }
                return Jdbc.update(c, "INSERT INTO deployment_state (deployment_name, generation, owner, "
                                + "production_version, canary_version, canary_percent, previous_version, statuses, source, "
                                + "updated_at, updated_by, router_target, router_generation, router_confirmed_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.deployment(), s.generation(),
                        s.owner(), s.production(), s.canary(), s.canaryPercent(), s.previous(), statuses, s.source(),
                        millis(s.updatedAt()), s.updatedBy(), s.routerTarget(), s.routerConfirmed(),
                        millis(s.routerConfirmedAt())) == 1;
            }
            return Jdbc.update(c, "UPDATE deployment_state SET generation = ?, owner = ?, production_version = ?, "
                            + "canary_version = ?, canary_percent = ?, previous_version = ?, statuses = ?, source = ?, "
                            + "updated_at = ?, updated_by = ? WHERE deployment_name = ? AND generation = ?",
                    s.generation(), s.owner(), s.production(), s.canary(), s.canaryPercent(), s.previous(), statuses,
                    s.source(), millis(s.updatedAt()), s.updatedBy(), s.deployment(), s.generation() - 1) == 1;
        });
    }

    @Override
    public boolean confirmRouter(String deployment, long generation, String target, Instant at) {
        return db.write(c -> Jdbc.update(c, "UPDATE deployment_state SET router_target = ?, router_generation = ?, "
                        + "router_confirmed_at = ? WHERE deployment_name = ? AND generation = ?", target, generation,
                millis(at), deployment, generation) == 1);
    }

    @Override
    public io.promptdesk.engine.rollout.LeaseGrant lease(String deployment, String holder, Instant now,
                                                         java.time.Duration ttl,
                                                         java.util.function.Consumer<String> onTakeover) {
        long at = millis(now);
        long until = at + Math.max(1, ttl.toMillis());
        return db.writeQuietly(c -> {
            Optional<String[]> row = Jdbc.first(c, "SELECT holder, expires_at FROM driver_leases "
                    + "WHERE deployment_name = ?", rs -> new String[]{rs.getString(1),
                    Long.toString(rs.getLong(2))}, deployment);
            if (row.isEmpty()) {
                Jdbc.update(c, "INSERT INTO driver_leases (deployment_name, holder, acquired_at, renewed_at, "
                        + "expires_at) VALUES (?, ?, ?, ?, ?)", deployment, holder, at, at, until);
                return new io.promptdesk.engine.rollout.LeaseGrant(true, holder, Instant.ofEpochMilli(until), null);
            }
            String current = row.get()[0];
            long expires = Long.parseLong(row.get()[1]);
            if (current.equals(holder)) {
                Jdbc.update(c, "UPDATE driver_leases SET renewed_at = ?, expires_at = ? WHERE deployment_name = ?",
                        at, until, deployment);
                return new io.promptdesk.engine.rollout.LeaseGrant(true, holder, Instant.ofEpochMilli(until), null);
            }
            if (expires <= at) {
                Jdbc.update(c, "UPDATE driver_leases SET holder = ?, acquired_at = ?, renewed_at = ?, expires_at = ? "
                        + "WHERE deployment_name = ?", holder, at, at, until, deployment);
                onTakeover.accept(current);
                return new io.promptdesk.engine.rollout.LeaseGrant(true, holder, Instant.ofEpochMilli(until),
                        current);
            }
            return new io.promptdesk.engine.rollout.LeaseGrant(false, current, Instant.ofEpochMilli(expires), null);
        });
    }

    @Override
    public Optional<io.promptdesk.engine.rollout.LeaseGrant> leaseOf(String deployment) {
        return db.read(c -> Jdbc.first(c, "SELECT holder, expires_at FROM driver_leases WHERE deployment_name = ?",
                rs -> new io.promptdesk.engine.rollout.LeaseGrant(false, rs.getString(1),
                        Instant.ofEpochMilli(rs.getLong(2)), null), deployment));
    }

    @Override
    public void releaseLease(String deployment, String holder) {
        db.write(c -> Jdbc.update(c, "DELETE FROM driver_leases WHERE deployment_name = ? AND holder = ?",
                deployment, holder));
    }

    private static DesiredState desiredState(ResultSet rs) throws SQLException {
        Map<String, VersionStatus> statuses = new LinkedHashMap<>();
        parse(rs.getString("statuses"), new TypeReference<LinkedHashMap<String, String>>() {
        }).forEach((v, st) -> statuses.put(v, VersionStatus.of(st)));
        return new DesiredState(rs.getString("deployment_name"), rs.getLong("generation"), rs.getString("owner"),
                rs.getString("production_version"), rs.getString("canary_version"), rs.getInt("canary_percent"),
                rs.getString("previous_version"), statuses, rs.getString("source"), instant(rs, "updated_at"),
                rs.getString("updated_by"), rs.getString("router_target"), rs.getLong("router_generation"),
                instant(rs, "router_confirmed_at"));
    }

    private static Map<String, String> statusKeys(Map<String, VersionStatus> statuses) {
        Map<String, String> out = new LinkedHashMap<>();
        statuses.forEach((v, st) -> out.put(v, st.key()));
        return out;
    }

    private static Rollout rollout(ResultSet rs) throws SQLException {
        Map<Metric, Double> thresholds = new EnumMap<>(Metric.class);
        parse(rs.getString("thresholds"), new TypeReference<Map<String, Double>>() {
        }).forEach((k, v) -> thresholds.put(Metric.of(k), v));
        RolloutPlan plan = new RolloutPlan(
                Arrays.stream(rs.getString("stages").split(",")).map(Integer::valueOf).toList(),
                Arrays.stream(rs.getString("health_metrics").split(",")).map(Metric::of).toList(), thresholds,
                Duration.ofMillis(rs.getLong("stage_duration_ms")),
                Duration.ofMillis(rs.getLong("health_check_interval_ms")),
                UnhealthyPolicy.of(rs.getString("on_unhealthy")));
        Long lastAt = Jdbc.longOrNull(rs, "last_check_at");
        LastCheck last = lastAt == null ? null : new LastCheck(Instant.ofEpochMilli(lastAt),
                HealthOutcome.of(rs.getString("last_check_outcome")), metrics(rs.getString("last_check_metrics")));
        return new Rollout(rs.getString("rollout_id"), rs.getString("deployment_name"), rs.getString("new_version"),
                rs.getString("stable_version"), plan, RolloutStatus.of(rs.getString("status")),
                rs.getInt("current_stage"), rs.getInt("current_percentage"), instant(rs, "start_time"),
                instant(rs, "stage_started_at"), instant(rs, "paused_at"), instant(rs, "ended_at"), last,
                rs.getInt("revision"));
    }

    /** Metric values were written with NaN as null. */
    private static Map<String, Double> metrics(String json) {
        Map<String, Double> out = new LinkedHashMap<>();
        parse(json, new TypeReference<LinkedHashMap<String, Double>>() {
        }).forEach((k, v) -> out.put(k, v == null ? Double.NaN : v));
        return out;
    }

    private static Map<String, Double> thresholdKeys(Map<Metric, Double> thresholds) {
        Map<String, Double> out = new LinkedHashMap<>();
        thresholds.forEach((m, v) -> out.put(m.key(), v));
        return out;
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the rollout store: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long v = Jdbc.longOrNull(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
