package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything shown about the selected rollout: its state, its transitions, each stage's latest health verdict,
 * the health series per metric, and its current stage's elapsed time and time left (plan time).
 *
 * @param lastCheck the latest health check, or null before the first
 */
public record RolloutDetail(Rollout rollout, List<RolloutEvent> events, Map<Integer, HealthOutcome> stageVerdicts,
                            List<MetricSeries> series, HealthCheck lastCheck, Duration elapsed, Duration remaining) {
    public RolloutDetail {
        events = List.copyOf(events);
        stageVerdicts = Map.copyOf(stageVerdicts);
        series = List.copyOf(series);
    }
}
