package io.promptdesk.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.remote.HttpReply;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.RemoteHttp;
import io.promptdesk.remote.RemoteUnavailableException;
import io.promptdesk.remote.Secret;
import io.promptdesk.remote.Sleeper;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Clock;
import java.time.Duration;

/**
 * Routes traffic through a team's own router: each change is a JSON POST of the deployment, the canary version,
 * its percentage and the stable version, signed with an HMAC-SHA256 of the shared secret in
 * {@value #SIGNATURE_HEADER} ({@code sha256=<hex>} of the exact body bytes). The body carries {@code sent_at}, so a
 * receiver can refuse replays. A change states the whole split, so it is safe to resend and is retried; a change
 * that is not acknowledged with a 2xx raises {@link TrafficRoutingException}. Thread-safe.
 */
public final class WebhookTrafficRouter implements TrafficRouter, AutoCloseable {
    public static final String SIGNATURE_HEADER = "X-PromptDesk-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final RemoteHttp http;
    private final Secret secret;
    private final Clock clock;
    private final Duration budget;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookTrafficRouter(RemoteEndpoint endpoint, Secret secret, Clock clock, Duration budget,
                                Sleeper sleeper) {
        this.http = new RemoteHttp(endpoint, sleeper, secret);
        this.secret = secret;
        this.clock = clock;
        this.budget = budget;
    }

    @Override
    public void route(String deployment, String stableVersion, String canaryVersion, int canaryPercent) {
        send(deployment, stableVersion, canaryVersion, canaryPercent, null);
    }

    /**
     * Sends the split with its idempotency key, in the {@value #IDEMPOTENCY_HEADER} header and the body's
     * {@code idempotency_key} and {@code generation}: a receiver can drop a repeat, and a split whose generation is
     * lower than one it already applied (a slow request from a process that was overtaken).
     */
    @Override
    public void route(TrafficSplit split, String deployment, String idempotencyKey) {
        send(deployment, split.stableVersion(), split.canaryVersion(), split.canaryPercent(), idempotencyKey);
    }

    /** The webhook's address: its acknowledgement of a generation is stored against it. */
    @Override
    public String target() {
        return targetOf(http.endpoint().baseUrl());
    }

    private void send(String deployment, String stableVersion, String canaryVersion, int canaryPercent, String key) {
        ObjectNode body = json.createObjectNode().put("deployment", deployment)
                .put("version", canaryVersion).put("percentage", canaryVersion == null ? 0 : canaryPercent)
                .put("stable_version", stableVersion).put("sent_at", clock.instant().toString());
        if (key != null) {
            body.put("idempotency_key", key);
            String generation = key.substring(key.lastIndexOf('/') + 1);
            body.put("generation", Long.parseLong(generation));
        }
        byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Request.Builder builder = new Request.Builder().url(http.endpoint().baseUrl())
                .header(SIGNATURE_HEADER, "sha256=" + secret.hmacSha256(bytes));
        if (key != null) {
            builder.header(IDEMPOTENCY_HEADER, key);
        }
        Request request = builder.post(RequestBody.create(bytes, JSON_TYPE)).build();
        String change = deployment + ": " + (canaryVersion == null ? "all traffic to " + stableVersion
                : canaryPercent + "% to " + canaryVersion + ", the rest to " + stableVersion);
        HttpReply reply;
        try {
            reply = http.send(request, true, budget);
        } catch (RemoteUnavailableException e) {
            throw new TrafficRoutingException("the traffic change (" + change + ") did not reach the webhook: "
                    + e.getMessage());
        }
        if (!reply.ok()) {
            throw new TrafficRoutingException("the traffic webhook at " + http.endpoint().baseUrl() + " refused the "
                    + "change (" + change + ") with HTTP " + reply.status()
                    + (reply.excerpt().isEmpty() ? "" : ": " + reply.excerpt()) + "; traffic stays as it was");
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /** The target named for a router at {@code url}: the same string whether or not its secret is at hand. */
    public static String targetOf(okhttp3.HttpUrl url) {
        return "webhook " + url.newBuilder().username("").password("").build();
    }
}
