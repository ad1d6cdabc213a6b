package io.promptdesk.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders counters in the Prometheus text exposition format, version 0.0.4. */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String render(List<VersionCounters> counters, Map<String, TrafficSplit> splits) {
        StringBuilder b = new StringBuilder(256 + counters.size() * 1200);
        header(b, "promptdesk_requests_total", "counter", "Requests served, by outcome.");
        for (VersionCounters c : counters) {
            sample(b, "promptdesk_requests_total", labels(c) + ",outcome=\"success\"", c.successes());
            sample(b, "promptdesk_requests_total", labels(c) + ",outcome=\"error\"", c.errors());
        }
        header(b, "promptdesk_engagements_total", "counter", "Responses the user engaged with.");
        for (VersionCounters c : counters) {
            sample(b, "promptdesk_engagements_total", labels(c), c.engagements());
        }
        header(b, "promptdesk_request_latency_seconds", "histogram", "Request latency in seconds.");
        double[] bounds = VersionCounters.BOUNDS;
        for (VersionCounters c : counters) {
            long[] counts = c.bucketCounts();
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += counts[i];
                String le = i < bounds.length ? number(bounds[i]) : "+Inf";
                sample(b, "promptdesk_request_latency_seconds_bucket", labels(c) + ",le=\"" + le + "\"", cumulative);
            }
            b.append("promptdesk_request_latency_seconds_sum{").append(labels(c)).append("} ")
                    .append(number(c.latencySumSeconds())).append('\n');
            sample(b, "promptdesk_request_latency_seconds_count", labels(c), c.requests());
        }
        header(b, "promptdesk_traffic_percent", "gauge", "Share of the deployment's traffic each version receives.");
        splits.forEach((deployment, split) -> {
            if (split.stableVersion() != null) {
                sample(b, "promptdesk_traffic_percent", label("deployment", deployment) + ","
                        + label("version", split.stableVersion()), 100 - split.canaryPercent());
            }
            if (split.canaryVersion() != null) {
                sample(b, "promptdesk_traffic_percent", label("deployment", deployment) + ","
                        + label("version", split.canaryVersion()), split.canaryPercent());
            }
        });
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder b, String name, String labels, long value) {
        b.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static String labels(VersionCounters c) {
        return label("deployment", c.deployment()) + "," + label("version", c.version());
    }

    private static String label(String name, String value) {
        return name + "=\"" + escape(value) + "\"";
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
