package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.metrics.Metric;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the Rollout workspace writes durations, metrics, statuses and times for people. */
public final class RolloutFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private RolloutFormat() {
    }

    /** Metrics are stored as rates (0..1) and seconds; people read percent and milliseconds. */
    public static double displayFactor(Metric m) {
        return m == Metric.LATENCY_P95 ? 1000 : 100;
    }

    public static String unit(Metric m) {
        return m == Metric.LATENCY_P95 ? "ms" : "%";
    }

    public static String title(Metric m) {
        return switch (m) {
            case ERROR_RATE -> "Error rate";
            case LATENCY_P95 -> "Latency p95";
            case ENGAGEMENT_RATE -> "Engagement rate";
        };
    }

    /** "4:05", or "1:02:03" past an hour. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** "in progress", "rolled back" ... */
    public static String status(RolloutStatus s) {
        return s == null ? "" : s.key().replace('_', ' ');
    }

    public static String outcome(HealthOutcome o) {
        return o == null ? "no check yet" : o.key();
    }

    /** A local date and time to the second. */
    public static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    /**
     * The latest check in a sentence: when, at which percentage, its verdict, and the metrics that decided it with
     * their reasons (all metrics' when healthy).
     */
    public static String lastCheck(HealthCheck c, ZoneId zone) {
        if (c == null) {
            return "No health check yet: the first runs one check interval into the stage.";
        }
        String head = "Last check " + time(c.at(), zone) + " at " + c.percentage() + "%: " + c.outcome().key();
        if (c.outcome() == HealthOutcome.HEALTHY) {
            return head + " - " + c.verdicts().stream().map(v -> v.metric().key()).collect(Collectors.joining(", "))
                    + " no worse than stable";
        }
        // Metrics held back by the same cause (too little data, typically) are named once with it.
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        c.verdicts().stream().filter(v -> v.outcome() == c.outcome()).forEach(v ->
                byReason.computeIfAbsent(v.reason(), r -> new ArrayList<>()).add(v.metric().key()));
        return head + " - " + byReason.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": "
                + e.getKey()).collect(Collectors.joining("; "));
    }

    /** Where a rollout stands in a few words. */
    public static String headline(Rollout r) {
        int stage = r.plan().stages().get(r.currentStage());
        return switch (r.status()) {
            case IN_PROGRESS, PAUSED -> status(r.status()) + " at " + stage + "%";
            case COMPLETED -> "completed: " + r.newVersion() + " serves all traffic";
            case FAILED, ROLLED_BACK -> status(r.status()) + " at " + stage + "%: traffic back on "
                    + r.stableVersion();
        };
    }

    /** "60x" for a time scale. */
    public static String scale(double s) {
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0fx", s) : String.format(Locale.ROOT, "%.1fx", s);
    }
}
