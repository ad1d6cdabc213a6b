package io.promptdesk.ui.connections;

import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.EndpointSettings.AuthType;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One remote engine's settings as the person edits them: URL (blank for the embedded engine), auth by the NAME of
 * the variable or OS secret store entry holding the secret, CA file, timeouts. Re-validated on every change, one
 * problem per field.
 */
public final class EndpointForm {

    /** The fields that can be wrong, each with its own problem text. */
    public enum Field {
        URL, TOKEN_ENV, TOKEN_SECRET, USERNAME, PASSWORD_ENV, PASSWORD_SECRET, CA_FILE, CONNECT_TIMEOUT, READ_TIMEOUT
    }

    private final String engine;
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<AuthType> auth = new SimpleObjectProperty<>(AuthType.NONE);
    private final ObjectProperty<SecretSource> tokenSource = new SimpleObjectProperty<>(SecretSource.ENVIRONMENT);
    private final StringProperty tokenEnv = new SimpleStringProperty("");
    private final StringProperty tokenSecret = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final ObjectProperty<SecretSource> passwordSource = new SimpleObjectProperty<>(SecretSource.ENVIRONMENT);
    private final StringProperty passwordEnv = new SimpleStringProperty("");
    private final StringProperty passwordSecret = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty connectTimeout = new SimpleStringProperty("");
    private final StringProperty readTimeout = new SimpleStringProperty("");
    private final Map<Field, ReadOnlyStringWrapper> problems = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper();
    private final SecretStatus secretStatus;
    private final ReadOnlyStringWrapper override = new ReadOnlyStringWrapper("");
    private final List<Observable> inputs;
    /** Not on the page (rarely wanted, and dangerous): kept as the file has it. */
    private boolean insecure;

    /**
     * @param engine           "Prometheus" or "MLflow", for the messages
     * @param overrideVariable the variable that overrides the URL, e.g. PROMPTDESK_PROMETHEUS_URL
     * @param secretStatus     tells whether the secret the form names is set or stored
     */
    EndpointForm(String engine, String overrideVariable, UnaryOperator<String> environment,
                 SecretStatus secretStatus) {
        this.engine = engine;
        this.secretStatus = secretStatus;
        for (Field f : Field.values()) {
            problems.put(f, new ReadOnlyStringWrapper(""));
        }
        String overriding = FieldRules.strip(environment.apply(overrideVariable));
        override.set(overriding == null ? "" : "$" + overrideVariable + " overrides this URL with " + overriding);
        inputs = List.of(url, auth, tokenSource, tokenEnv, tokenSecret, username, passwordSource, passwordEnv,
                passwordSecret, caFile, connectTimeout, readTimeout);
        inputs.forEach(o -> o.addListener(x -> validate()));
        validate();
    }

    /** Shows {@code s}, or an empty form (the embedded engine) when null. */
    public void load(EndpointSettings s) {
        insecure = s != null && s.insecure();
        url.set(s == null ? "" : s.url());
        auth.set(s == null ? AuthType.NONE : s.auth());
        tokenSource.set(s != null && s.tokenSecret() != null ? SecretSource.STORE : SecretSource.ENVIRONMENT);
        tokenEnv.set(s == null || s.tokenEnv() == null ? "" : s.tokenEnv());
        tokenSecret.set(s == null || s.tokenSecret() == null ? "" : s.tokenSecret());
        username.set(s == null || s.username() == null ? "" : s.username());
        passwordSource.set(s != null && s.passwordSecret() != null ? SecretSource.STORE : SecretSource.ENVIRONMENT);
        passwordEnv.set(s == null || s.passwordEnv() == null ? "" : s.passwordEnv());
        passwordSecret.set(s == null || s.passwordSecret() == null ? "" : s.passwordSecret());
        caFile.set(s == null || s.caFile() == null ? "" : s.caFile().toString());
        connectTimeout.set(s == null ? "" : FieldRules.text(s.connectTimeout()));
        readTimeout.set(s == null ? "" : FieldRules.text(s.readTimeout()));
    }

    /** The settings the form holds: null for the embedded engine. Only meaningful while {@link #isValid()}. */
    public EndpointSettings settings() {
        if (!remote.get()) {
            return null;
        }
        AuthType a = auth.get();
        boolean bearer = a == AuthType.BEARER;
        boolean basic = a == AuthType.BASIC;
        String ca = FieldRules.strip(caFile.get());
        return new EndpointSettings(url.get().strip(), a,
                bearer && !inStore(tokenSource) ? FieldRules.strip(tokenEnv.get()) : null,
                bearer && inStore(tokenSource) ? FieldRules.strip(tokenSecret.get()) : null,
                basic ? FieldRules.strip(username.get()) : null,
                basic && !inStore(passwordSource) ? FieldRules.strip(passwordEnv.get()) : null,
                basic && inStore(passwordSource) ? FieldRules.strip(passwordSecret.get()) : null,
                ca == null ? null : Path.of(ca), insecure, FieldRules.duration(connectTimeout.get()),
                FieldRules.duration(readTimeout.get()));
    }

    private void validate() {
        boolean isRemote = !FieldRules.blank(url.get());
        remote.set(isRemote);
        AuthType a = auth.get() == null ? AuthType.NONE : auth.get();
        boolean bearer = isRemote && a == AuthType.BEARER;
        boolean basic = isRemote && a == AuthType.BASIC;
        set(Field.URL, FieldRules.url(engine, url.get(), true));
        set(Field.TOKEN_ENV, bearer && !inStore(tokenSource) ? FieldRules.variable("token", tokenEnv.get()) : "");
        set(Field.TOKEN_SECRET, bearer && inStore(tokenSource) ? FieldRules.entry("token", tokenSecret.get()) : "");
        set(Field.USERNAME, basic ? FieldRules.required("the user name", username.get()) : "");
        set(Field.PASSWORD_ENV, basic && !inStore(passwordSource) ? FieldRules.variable("password",
                passwordEnv.get()) : "");
        set(Field.PASSWORD_SECRET, basic && inStore(passwordSource) ? FieldRules.entry("password",
                passwordSecret.get()) : "");
        set(Field.CA_FILE, isRemote ? FieldRules.caFile(caFile.get()) : "");
        set(Field.CONNECT_TIMEOUT, isRemote ? FieldRules.millis("the connect timeout", connectTimeout.get()) : "");
        set(Field.READ_TIMEOUT, isRemote ? FieldRules.millis("the read timeout", readTimeout.get()) : "");
        valid.set(problems.values().stream().allMatch(p -> p.get().isEmpty()));
        if (bearer) {
            secretStatus.show(tokenSource.get(), inStore(tokenSource) ? tokenSecret.get() : tokenEnv.get());
        } else if (basic) {
            secretStatus.show(passwordSource.get(), inStore(passwordSource) ? passwordSecret.get() : passwordEnv.get());
        } else {
            secretStatus.show(null, null);
        }
    }

    private static boolean inStore(ObjectProperty<SecretSource> source) {
        return source.get() == SecretSource.STORE;
    }

    private void set(Field f, String problem) {
        problems.get(f).set(problem);
    }

    /** Everything the person edits, to listen for changes. */
    List<Observable> inputs() {
        return inputs;
    }

    public String engine() {
        return engine;
    }

    public boolean isValid() {
        return valid.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when a URL is given: the engine is remote, not embedded. */
    public ReadOnlyBooleanProperty remoteProperty() {
        return remote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty(Field f) {
        return problems.get(f).getReadOnlyProperty();
    }

    /**
     * Whether the named variable is set in the console's environment, or the named entry stored in the OS secret
     * store (looked up off the FX thread); "" when no secret is named. Never the secret.
     */
    public ReadOnlyStringProperty secretStatusProperty() {
        return secretStatus.textProperty();
    }

    /** True when the named secret is set or stored. */
    public ReadOnlyBooleanProperty secretSetProperty() {
        return secretStatus.foundProperty();
    }

    /** Says which environment variable overrides the URL, or "". */
    public ReadOnlyStringProperty overrideProperty() {
        return override.getReadOnlyProperty();
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<AuthType> authProperty() {
        return auth;
    }

    /** Where the bearer token is: an environment variable or the OS secret store. */
    public ObjectProperty<SecretSource> tokenSourceProperty() {
        return tokenSource;
    }

    public StringProperty tokenEnvProperty() {
        return tokenEnv;
    }

    /** The name of the OS secret store entry holding the bearer token. */
    public StringProperty tokenSecretProperty() {
        return tokenSecret;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** Where the basic-auth password is: an environment variable or the OS secret store. */
    public ObjectProperty<SecretSource> passwordSourceProperty() {
        return passwordSource;
    }

    public StringProperty passwordEnvProperty() {
        return passwordEnv;
    }

    /** The name of the OS secret store entry holding the basic-auth password. */
    public StringProperty passwordSecretProperty() {
        return passwordSecret;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    public StringProperty readTimeoutProperty() {
        return readTimeout;
    }
}
