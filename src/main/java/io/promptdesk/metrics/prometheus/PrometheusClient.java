package io.promptdesk.metrics.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.remote.HttpReply;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.RemoteHttp;
import io.promptdesk.remote.RemoteUnavailableException;
import io.promptdesk.remote.Sleeper;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The Prometheus HTTP API's query endpoints ({@code /api/v1/query}, {@code /api/v1/query_range}) and build
 * information, over one pooled connection. Queries are read-only, so every failure is retried within the budget.
 * Thread-safe.
 */
public final class PrometheusClient implements AutoCloseable {
    /** Longer queries go in a form body: URLs are limited by proxies. */
    private static final int MAX_GET_QUERY = 2_000;

    private final RemoteHttp http;

    public PrometheusClient(RemoteEndpoint endpoint, Sleeper sleeper) {
        this.http = new RemoteHttp(endpoint, sleeper);
    }

    public RemoteEndpoint endpoint() {
        return http.endpoint();
    }

    /**
     * An instant query evaluated at {@code time}.
     *
     * @throws PrometheusQueryException when Prometheus cannot answer, refuses or fails the query, or answers
     *                                  with something else than its API's JSON
     */
    public QueryResult query(String promql, Instant time, Duration budget) {
        return run("api/v1/query", promql, budget, "time", seconds(time));
    }

    /** A range query: the expression at {@code start}, start + step, ... up to {@code end}; always a matrix. */
    public QueryResult queryRange(String promql, Instant start, Instant end, Duration step, Duration budget) {
        return run("api/v1/query_range", promql, budget, "start", seconds(start), "end", seconds(end),
                "step", BigDecimal.valueOf(step.toMillis(), 3).stripTrailingZeros().toPlainString());
    }

    /** The server's version from {@code /api/v1/status/buildinfo}, or "unknown" when it does not say. */
    public String version(Duration budget) {
        HttpReply reply = send(new Request.Builder().url(http.endpoint().url("api/v1/status/buildinfo").build())
                .get().build(), budget);
        JsonNode root = PrometheusResponses.tree(reply, where());
        if (!reply.ok()) {
            throw new PrometheusQueryException(where() + " answered HTTP " + reply.status()
                    + " to its build information: " + root.path("error").asText(reply.excerpt()));
        }
        return root.path("data").path("version").asText("unknown");
    }

    private QueryResult run(String path, String promql, Duration budget, String... params) {
        HttpUrl.Builder url = http.endpoint().url(path);
        Request request;
        if (promql.length() <= MAX_GET_QUERY) {
            url.addQueryParameter("query", promql);
            for (int i = 0; i < params.length; i += 2) {
                url.addQueryParameter(params[i], params[i + 1]);
            }
            request = new Request.Builder().url(url.build()).get().build();
        } else {
            FormBody.Builder form = new FormBody.Builder().add("query", promql);
            for (int i = 0; i < params.length; i += 2) {
                form.add(params[i], params[i + 1]);
            }
            request = new Request.Builder().url(url.build()).post(form.build()).build();
        }
        return PrometheusResponses.parse(send(request, budget), where());
    }

    private HttpReply send(Request request, Duration budget) {
        try {
            return http.send(request, true, budget);
        } catch (RemoteUnavailableException e) {
            throw new PrometheusQueryException(e.getMessage(), e);
        }
    }

    private String where() {
        return http.endpoint().describe();
    }

    /** Unix seconds with millisecond decimals, as the API takes them. */
    static String seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        http.close();
    }
}
