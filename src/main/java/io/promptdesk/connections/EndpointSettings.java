package io.promptdesk.connections;

import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.RemoteAuth;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.SecretStore;
import io.promptdesk.remote.TlsOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How to reach one remote engine, as the workspace file and the environment give it. It names where secrets are -
 * an environment variable or an OS secret store entry - never the secrets themselves, so it can be written back to
 * the workspace safely. Each secret is named one way: {@code tokenEnv} or {@code tokenSecret}, not both.
 *
 * @param auth           none, bearer or basic
 * @param tokenEnv       with bearer: the variable holding the token
 * @param tokenSecret    with bearer: the OS secret store entry holding the token
 * @param username       with basic: the user name (not a secret)
 * @param passwordEnv    with basic: the variable holding the password
 * @param passwordSecret with basic: the OS secret store entry holding the password
 * @param caFile         a PEM file of extra CA certificates, or null
 * @param insecure       TLS verification off: only when explicitly set, and logged each time a client is built
 */
public record EndpointSettings(String url, AuthType auth, String tokenEnv, String tokenSecret, String username,
                               String passwordEnv, String passwordSecret, Path caFile, boolean insecure,
                               Duration connectTimeout, Duration readTimeout) {

    /** How requests authenticate. */
    public enum AuthType { NONE, BEARER, BASIC }

    public EndpointSettings {
        auth = auth == null ? AuthType.NONE : auth;
    }

    /** Settings whose secrets are in environment variables. */
    public EndpointSettings(String url, AuthType auth, String tokenEnv, String username, String passwordEnv,
                            Path caFile, boolean insecure, Duration connectTimeout, Duration readTimeout) {
        this(url, auth, tokenEnv, null, username, passwordEnv, null, caFile, insecure, connectTimeout, readTimeout);
    }

    public static EndpointSettings of(String url) {
        return new EndpointSettings(url, AuthType.NONE, null, null, null, null, null, null, false, null, null);
    }

    public EndpointSettings withUrl(String newUrl) {
        return new EndpointSettings(newUrl, auth, tokenEnv, tokenSecret, username, passwordEnv, passwordSecret, caFile,
                insecure, connectTimeout, readTimeout);
    }

    /** The bearer token's source: {@code token_env} or {@code token_secret}. */
    SecretChoice token() {
        return new SecretChoice("token_env", tokenEnv, "token_secret", tokenSecret);
    }

    /** The basic-auth password's source: {@code password_env} or {@code password_secret}. */
    SecretChoice password() {
        return new SecretChoice("password_env", passwordEnv, "password_secret", passwordSecret);
    }

    /**
     * The endpoint, with its secret read now from the environment or the OS secret store.
     *
     * @throws BadInputException when the URL is malformed, a secret is named twice or not at all, a named
     *                           variable is unset or a named entry is not in the store
     */
    public RemoteEndpoint endpoint(String service, UnaryOperator<String> environment, SecretStore secrets) {
        RemoteEndpoint e = new RemoteEndpoint(service, RemoteEndpoint.parseUrl(service, url), null,
                new TlsOptions(caFile, insecure), connectTimeout, readTimeout, null);
        return switch (auth) {
            case NONE -> e;
            case BEARER -> e.withAuth(new RemoteAuth.Bearer(token().resolve(service, environment, secrets)));
            case BASIC -> e.withAuth(new RemoteAuth.Basic(required(service, "username", username),
                    password().resolve(service, environment, secrets)));
        };
    }

    private static String required(String service, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("the " + service + " connection's " + key + " is missing from the settings");
        }
        return value;
    }
}
