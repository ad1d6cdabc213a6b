package io.promptdesk.remote;

import io.promptdesk.model.BadInputException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A credential read from an environment variable or the OS secret store when a client is built. It is never
 * written to a file nor logged: its {@link #toString()} names only where it came from.
 */
public final class Secret {
    private final String source;
    private final String value;

    private Secret(String source, String value) {
        this.source = source;
        this.value = value;
    }

    /**
     * @param variable    the environment variable holding the secret
     * @param environment how to read it ({@code System::getenv} outside tests)
     * @throws BadInputException when the variable is unset or blank
     */
    public static Secret fromEnvironment(String variable, UnaryOperator<String> environment) {
        Objects.requireNonNull(variable, "variable");
        String v = environment.apply(variable);
        if (v == null || v.isBlank()) {
            throw new BadInputException("the environment variable " + variable + " that should hold the secret is "
                    + "not set; export it before running PromptDesk (secrets are never read from files)");
        }
        return new Secret("$" + variable, v.strip());
    }

    /**
     * @param entry the name of the secret store entry holding the secret
     * @param store the OS secret store ({@link OsSecretStore#forThisPlatform()} outside tests)
     * @throws BadInputException when the store has no such entry, or cannot be asked
     */
    public static Secret fromStore(String entry, SecretStore store) {
        Objects.requireNonNull(entry, "entry");
        String v = store.lookup(entry).orElse(null);
        if (v == null || v.isBlank()) {
            throw new BadInputException("the secret store entry " + entry + " that should hold the secret is not "
                    + "found in " + store.describe() + "; store it with: " + store.howToStore(entry));
        }
        return new Secret("secret store entry " + entry, v);
    }

    /** A password written in a URL's userinfo, taken out of the URL. */
    static Secret fromUrl(String password) {
        return new Secret("the URL's userinfo", password);
    }

    /** The secret itself, for the one place that sends it. */
    String reveal() {
        return value;
    }

    /**
     * The secret as text, for a driver that takes a login's password as a string (the team store's JDBC driver);
     * never to be printed, logged or written.
     */
    public String forDriver() {
        return value;
    }

    /** The hex HMAC-SHA256 of {@code message} keyed with the secret: signs without handing the secret out. */
    public String hmacSha256(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    /** Where the secret came from, e.g. {@code $PROMPTDESK_MLFLOW_TOKEN} or {@code secret store entry prom-token}. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "secret from " + source;
    }
}
