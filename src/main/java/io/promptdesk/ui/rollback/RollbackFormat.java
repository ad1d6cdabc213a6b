package io.promptdesk.ui.rollback;

import io.promptdesk.engine.rollback.HealthSnapshot;
import io.promptdesk.engine.rollback.RollbackResult;

import java.time.Duration;
import java.util.Locale;

/** Texts of the Rollback workspace, free of JavaFX so they are tested directly. */
public final class RollbackFormat {
    private RollbackFormat() {
    }

    /** The button's text: exactly what it will do. */
    public static String action(String model, String from, String to) {
        return "Roll back " + model + " " + from + " -> " + to;
    }

    /** Seconds left of the SLA, one decimal: "27.4 s left of the 30 s SLA". */
    public static String countdown(double secondsLeft, Duration sla) {
        return String.format(Locale.ROOT, "%.1f s left of the %d s SLA", Math.max(0, secondsLeft), sla.toSeconds());
    }

    /** Once finished: "finished with 29.9 s of the 30 s SLA to spare". */
    public static String spare(double secondsLeft, Duration sla) {
        return String.format(Locale.ROOT, "finished with %.1f s of the %d s SLA to spare", Math.max(0, secondsLeft),
                sla.toSeconds());
    }

    /** "0.04 s of the 30 s SLA". */
    public static String duration(RollbackResult r, Duration sla) {
        if (r.durationSeconds() == null) {
            return "still running";
        }
        return String.format(Locale.ROOT, "%.2f s of the %d s SLA", r.durationSeconds(), sla.toSeconds());
    }

    /** The spec's key when the SLA was met, else what happened. */
    public static String sla(RollbackResult r) {
        return r.slaMet() ? "sla_met" : "SLA missed";
    }

    /** A snapshot on a few lines: verdict, requests, error rate, p95 latency, engagement. */
    public static String health(HealthSnapshot s) {
        if (s == null) {
            return "not taken";
        }
        return s.version() + ": " + s.state().key().replace('_', ' ') + "\n"
                + String.format(Locale.ROOT, "%,d requests", s.requests()) + "\n"
                + "error rate " + percent(s.errorRate()) + "\n"
                + "p95 latency " + seconds(s.latencyP95()) + "\n"
                + "engagement " + percent(s.engagementRate());
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    static String seconds(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f s", v);
    }
}
