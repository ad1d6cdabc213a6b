package io.promptdesk.metrics.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.remote.HttpReply;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus API's envelope: {@code status: success} with data, or {@code status: error} with an error
 * type, whatever the HTTP status; and a non-JSON answer (a proxy's, an HTML page) as "HTTP status only".
 */
final class PrometheusResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusResponses() {
    }

    /** @throws PrometheusQueryException with a message a person can act on */
    static QueryResult parse(HttpReply reply, String where) {
        JsonNode root = tree(reply, where);
        String status = root.path("status").asText("");
        if (status.equals("error")) {
            String type = root.path("errorType").asText("unknown");
            throw new PrometheusQueryException(where + " failed the query (" + type + ", HTTP " + reply.status()
                    + "): " + root.path("error").asText("no message") + hint(type));
        }
        if (!status.equals("success") || !reply.ok()) {
            throw new PrometheusQueryException(where + " answered HTTP " + reply.status() + " with status '"
                    + status + "': not the Prometheus query API; check the URL");
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText("");
        List<PromSeries> series = new ArrayList<>();
        JsonNode result = data.path("result");
        try {
            switch (type) {
                case "vector" -> result.forEach(s -> series.add(new PromSeries(labels(s), pointTimes(s.path("value")),
                        pointValues(s.path("value")))));
                case "matrix" -> result.forEach(s -> series.add(matrixSeries(s)));
                case "scalar" -> series.add(new PromSeries(Map.of(), pointTimes(result), pointValues(result)));
                default -> throw new PrometheusQueryException(where + " returned a result of type '" + type
                        + "'; a health query must return a vector, a matrix or a scalar");
            }
        } catch (NumberFormatException | IllegalStateException e) {
            throw new PrometheusQueryException(where + " sent an unreadable sample: " + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new QueryResult(type, series, warnings);
    }

    /** The JSON tree of a reply, or a clear error when it is not JSON at all. */
    static JsonNode tree(HttpReply reply, String where) {
        try {
            JsonNode root = JSON.readTree(reply.body());
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JsonProcessingException e) {
            if (reply.ok() && reply.isJson()) {
                throw new PrometheusQueryException(where + " sent malformed JSON: " + e.getOriginalMessage(), e);
            }
        }
        throw new PrometheusQueryException(where + " answered HTTP " + reply.status()
                + (reply.ok() ? " with a body that is not the API's JSON" : " without the API's JSON error")
                + (reply.excerpt().isEmpty() ? "" : ": " + reply.excerpt()) + statusHint(reply.status()));
    }

    private static PromSeries matrixSeries(JsonNode s) {
        JsonNode values = s.path("values");
        double[] times = new double[values.size()];
        double[] v = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            times[i] = time(values.get(i));
            v[i] = value(values.get(i));
        }
        return new PromSeries(labels(s), times, v);
    }

    private static Map<String, String> labels(JsonNode s) {
        Map<String, String> labels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = s.path("metric").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }

    private static double[] pointTimes(JsonNode point) {
        return new double[]{time(point)};
    }

    private static double[] pointValues(JsonNode point) {
        return new double[]{value(point)};
    }

    private static double time(JsonNode point) {
        JsonNode t = point.path(0);
        if (!point.isArray() || point.size() != 2 || !t.isNumber()) {
            throw new IllegalStateException("a point must be [unix_seconds, \"value\"], got " + point);
        }
        return t.doubleValue();
    }

    private static double value(JsonNode point) {
        JsonNode v = point.path(1);
        if (!v.isTextual()) {
            throw new IllegalStateException("a sample value must be a JSON string, got " + v);
        }
        return SampleValues.parse(v.asText());
    }

    private static String hint(String errorType) {
        return switch (errorType) {
            case "bad_data" -> " (fix the PromQL template of this metric)";
            case "timeout" -> " (the query took longer than the server allows: shorten the window)";
            default -> "";
        };
    }

    private static String statusHint(int status) {
        return switch (status) {
            case 401, 403 -> " (check the credentials: the token or password variable)";
            case 404 -> " (is the URL the Prometheus server, with its path prefix?)";
            default -> "";
        };
    }
}
