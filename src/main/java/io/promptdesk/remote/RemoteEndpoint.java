package io.promptdesk.remote;

import io.promptdesk.model.BadInputException;
import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a remote engine is and how to talk to it.
 *
 * @param service        the engine's name in messages, e.g. "Prometheus"
 * @param baseUrl        http or https, with any path prefix the engine is served under
 * @param connectTimeout how long a TCP (and TLS) connection may take
 * @param readTimeout    how long the server may stay silent while answering
 */
public record RemoteEndpoint(String service, HttpUrl baseUrl, RemoteAuth auth, TlsOptions tls,
                             Duration connectTimeout, Duration readTimeout, RetryPolicy retry) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public RemoteEndpoint {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(baseUrl, "baseUrl");
        auth = auth == null ? RemoteAuth.NONE : auth;
        if (!baseUrl.username().isEmpty() || !baseUrl.password().isEmpty()) {
            // Credentials written into the URL: used as basic auth, and never kept in the URL, so no message, log
            // line or stored row that names the address can carry them.
            if (auth instanceof RemoteAuth.None && !baseUrl.password().isEmpty()) {
                auth = new RemoteAuth.Basic(baseUrl.username(), Secret.fromUrl(baseUrl.password()));
            }
            baseUrl = baseUrl.newBuilder().username("").password("").build();
        }
        tls = tls == null ? TlsOptions.SYSTEM : tls;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connect");
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "read");
    }

    /** An endpoint with the default timeouts and retries and no authentication. */
    public static RemoteEndpoint of(String service, String url) {
        return new RemoteEndpoint(service, parseUrl(service, url), null, null, null, null, null);
    }

    /** @throws BadInputException naming the service when {@code url} is not an http(s) URL */
    public static HttpUrl parseUrl(String service, String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new BadInputException("the " + service + " URL '" + url + "' is not an http:// or https:// URL");
        }
        return parsed;
    }

    public RemoteEndpoint withAuth(RemoteAuth a) {
        return new RemoteEndpoint(service, baseUrl, a, tls, connectTimeout, readTimeout, retry);
    }

    public RemoteEndpoint withTls(TlsOptions t) {
        return new RemoteEndpoint(service, baseUrl, auth, t, connectTimeout, readTimeout, retry);
    }

    public RemoteEndpoint withTimeouts(Duration connect, Duration read) {
        return new RemoteEndpoint(service, baseUrl, auth, tls, connect, read, retry);
    }

    public RemoteEndpoint withRetry(RetryPolicy r) {
        return new RemoteEndpoint(service, baseUrl, auth, tls, connectTimeout, readTimeout, r);
    }

    /** The base URL with {@code segments} appended, e.g. {@code api/v1/query}. */
    public HttpUrl.Builder url(String path) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        return b;
    }

    /** "Prometheus at http://host:9090/", for messages. */
    public String describe() {
        return service + " at " + baseUrl;
    }

    private static Duration positive(Duration d, Duration fallback, String what) {
        if (d == null) {
            return fallback;
        }
        if (d.isNegative() || d.isZero()) {
            throw new BadInputException("the " + what + " timeout must be positive, got " + d);
        }
        return d;
    }
}
