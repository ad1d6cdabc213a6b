package io.promptdesk.remote;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests to one endpoint over its pooled client: authenticated, each attempt bounded by what is left of the
 * caller's budget, idempotent ones retried with exponential backoff on connection failures, timeouts and the
 * statuses that may pass (429, 500, 502, 503, 504). Thread-safe; close it to free the pool.
 */
public final class RemoteHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHttp.class);
    private static final Set<Integer> RETRY_STATUS = Set.of(429, 500, 502, 503, 504);

    private final RemoteEndpoint endpoint;
    private final OkHttpClient client;
    private final Sleeper sleeper;
    private final Redactor redactor;

    public RemoteHttp(RemoteEndpoint endpoint, Sleeper sleeper) {
        this(endpoint, sleeper, new Secret[0]);
    }

    /** @param alsoSecret secrets besides the endpoint's credentials that a reply must never carry (a signing key) */
    public RemoteHttp(RemoteEndpoint endpoint, Sleeper sleeper, Secret... alsoSecret) {
        this.endpoint = endpoint;
        this.client = HttpClients.build(endpoint);
        this.sleeper = sleeper;
        this.redactor = Redactor.of(endpoint.auth(), alsoSecret);
    }

    /** What takes this endpoint's secrets out of text that came back from it. */
    public Redactor redactor() {
        return redactor;
    }

    public RemoteEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Sends {@code request} (its Authorization header is added here) and reads the whole answer. A non-2xx answer
     * is returned, not thrown: its body is the engine's error to interpret.
     *
     * @param idempotent whether it is safe to send again after a failure whose effect is unknown
     * @param budget     how long all attempts together may take
     * @throws RemoteUnavailableException when no attempt got an answer in time
     */
    public HttpReply send(Request request, boolean idempotent, Duration budget) {
        Request authed = authenticate(request);
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int attempts = idempotent ? endpoint.retry().maxAttempts() : 1;
        IOException last = null;
        HttpReply lastReply = null;
        int made = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Duration wait = endpoint.retry().backoffBefore(attempt);
                if (System.nanoTime() + wait.toNanos() >= deadline) {
                    break;
                }
                pause(wait);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            made = attempt;
            Call call = client.newCall(authed);
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                ResponseBody body = response.body();
                String type = body.contentType() == null ? null : body.contentType().toString();
                // The body is redacted before anyone reads it: an echoed token goes no further than this line.
                lastReply = new HttpReply(response.code(), type, redactor.redact(body.string()), attempt,
                        Duration.ofNanos(System.nanoTime() - start));
                last = null;
                if (!RETRY_STATUS.contains(response.code())) {
                    return lastReply;
                }
                LOG.debug("{} answered {} to {} {} (attempt {} of {})", endpoint.describe(), response.code(),
                        request.method(), request.url().encodedPath(), attempt, attempts);
            } catch (IOException e) {
                last = e;
                LOG.debug("{} {} {} failed (attempt {} of {}): {}", endpoint.describe(), request.method(),
                        request.url().encodedPath(), attempt, attempts, e.toString());
                if (e instanceof SSLException || e instanceof UnknownHostException) {
                    break;
                }
            }
        }
        if (last == null && lastReply != null) {
            return lastReply;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        throw new RemoteUnavailableException(redactor.redact(endpoint.describe() + " " + why(last, budget) + " ("
                + request.method() + " " + request.url().encodedPath() + ", " + took.toMillis() + " ms"
                + ", " + made + (made == 1 ? " attempt" : " attempts") + ")"), last);
    }

    private Request authenticate(Request request) {
        String header = endpoint.auth().header();
        return header == null ? request : request.newBuilder().header("Authorization", header).build();
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailableException(endpoint.describe() + ": interrupted while waiting to retry", e);
        }
    }

    static String why(IOException e, Duration budget) {
        if (e == null) {
            return "did not answer within the " + budget.toMillis() + " ms allowed";
        }
        if (e instanceof ConnectException) {
            return "refused the connection: is it running at that address?";
        }
        if (e instanceof UnknownHostException) {
            return "cannot be found: unknown host " + e.getMessage();
        }
        if (e instanceof SSLException) {
            return "failed the TLS handshake (" + e.getMessage() + "): give its CA with ca_file, or check the URL";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "did not answer in time (" + e.getMessage() + ")";
        }
        return "dropped the connection (" + e + ")";
    }

    @Override
    public void close() {
        HttpClients.close(client);
    }
}
