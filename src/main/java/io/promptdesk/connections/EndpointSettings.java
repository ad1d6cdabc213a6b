package io.promptdesk.connections;

import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.RemoteAuth;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.Secret;
import io.promptdesk.remote.TlsOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How to reach one remote engine, as the workspace file and the environment give it. It names the environment
 * variables that hold secrets, never the secrets themselves, so it can be written back to the workspace safely.
 *
 * @param auth        none, bearer or basic
 * @param tokenEnv    with bearer: the variable holding the token
 * @param username    with basic: the user name (not a secret)
 * @param passwordEnv with basic: the variable holding the password
 * @param caFile      a PEM file of extra CA certificates, or null
 * @param insecure    TLS verification off: only when explicitly set, and logged each time a client is built
 */
public record EndpointSettings(String url, AuthType auth, String tokenEnv, String username, String passwordEnv,
                               Path caFile, boolean insecure, Duration connectTimeout, Duration readTimeout) {

    /** How requests authenticate. */
    public enum AuthType { NONE, BEARER, BASIC }

    public EndpointSettings {
        auth = auth == null ? AuthType.NONE : auth;
    }

    public static EndpointSettings of(String url) {
        return new EndpointSettings(url, AuthType.NONE, null, null, null, null, false, null, null);
    }

    public EndpointSettings withUrl(String newUrl) {
        return new EndpointSettings(newUrl, auth, tokenEnv, username, passwordEnv, caFile, insecure, connectTimeout,
                readTimeout);
    }

    /**
     * The endpoint, with its secret read from the environment now.
     *
     * @throws BadInputException when the URL is malformed or a named variable is unset
     */
    public RemoteEndpoint endpoint(String service, UnaryOperator<String> environment) {
        RemoteEndpoint e = new RemoteEndpoint(service, RemoteEndpoint.parseUrl(service, url), null,
                new TlsOptions(caFile, insecure), connectTimeout, readTimeout, null);
        return switch (auth) {
            case NONE -> e;
            case BEARER -> e.withAuth(new RemoteAuth.Bearer(Secret.fromEnvironment(required(service, "token_env",
                    tokenEnv), environment)));
            case BASIC -> e.withAuth(new RemoteAuth.Basic(required(service, "username", username),
                    Secret.fromEnvironment(required(service, "password_env", passwordEnv), environment)));
        };
    }

    private static String required(String service, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("the " + service + " connection's " + key + " is missing from the settings");
        }
        return value;
    }
}
