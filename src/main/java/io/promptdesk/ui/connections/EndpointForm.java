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
 * the variable holding the secret, CA file, timeouts. Re-validated on every change, one problem per field.
 */
public final class EndpointForm {

    /** The fields that can be wrong, each with its own problem text. */
    public enum Field { URL, TOKEN_ENV, USERNAME, PASSWORD_ENV, CA_FILE, CONNECT_TIMEOUT, READ_TIMEOUT }

    private final String engine;
    private final UnaryOperator<String> environment;
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<AuthType> auth = new SimpleObjectProperty<>(AuthType.NONE);
    private final StringProperty tokenEnv = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty passwordEnv = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty connectTimeout = new SimpleStringProperty("");
    private final StringProperty readTimeout = new SimpleStringProperty("");
    private final Map<Field, ReadOnlyStringWrapper> problems = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper secretStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper secretSet = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper override = new ReadOnlyStringWrapper("");
    private final List<Observable> inputs;
    /** Not on the page (rarely wanted, and dangerous): kept as the file has it. */
    private boolean insecure;

    /**
     * @param engine           "Prometheus" or "MLflow", for the messages
     * @param overrideVariable the variable that overrides the URL, e.g. PROMPTDESK_PROMETHEUS_URL
     */
    public EndpointForm(String engine, String overrideVariable, UnaryOperator<String> environment) {
        this.engine = engine;
        this.environment = environment;
        for (Field f : Field.values()) {
            problems.put(f, new ReadOnlyStringWrapper(""));
        }
        String overriding = FieldRules.strip(environment.apply(overrideVariable));
        override.set(overriding == null ? "" : "$" + overrideVariable + " overrides this URL with " + overriding);
        inputs = List.of(url, auth, tokenEnv, username, passwordEnv, caFile, connectTimeout, readTimeout);
        inputs.forEach(o -> o.addListener(x -> validate()));
        validate();
    }

    /** Shows {@code s}, or an empty form (the embedded engine) when null. */
    public void load(EndpointSettings s) {
        insecure = s != null && s.insecure();
        url.set(s == null ? "" : s.url());
        auth.set(s == null ? AuthType.NONE : s.auth());
        tokenEnv.set(s == null || s.tokenEnv() == null ? "" : s.tokenEnv());
        username.set(s == null || s.username() == null ? "" : s.username());
        passwordEnv.set(s == null || s.passwordEnv() == null ? "" : s.passwordEnv());
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
        String ca = FieldRules.strip(caFile.get());
        return new EndpointSettings(url.get().strip(), a,
                a == AuthType.BEARER ? FieldRules.strip(tokenEnv.get()) : null,
                a == AuthType.BASIC ? FieldRules.strip(username.get()) : null,
                a == AuthType.BASIC ? FieldRules.strip(passwordEnv.get()) : null,
                ca == null ? null : Path.of(ca), insecure, FieldRules.duration(connectTimeout.get()),
                FieldRules.duration(readTimeout.get()));
    }

    private void validate() {
        boolean isRemote = !FieldRules.blank(url.get());
        remote.set(isRemote);
        AuthType a = auth.get() == null ? AuthType.NONE : auth.get();
        set(Field.URL, FieldRules.url(engine, url.get(), true));
        set(Field.TOKEN_ENV, isRemote && a == AuthType.BEARER ? FieldRules.variable("token", tokenEnv.get()) : "");
        set(Field.USERNAME, isRemote && a == AuthType.BASIC ? FieldRules.required("the user name", username.get())
                : "");
        set(Field.PASSWORD_ENV, isRemote && a == AuthType.BASIC ? FieldRules.variable("password", passwordEnv.get())
                : "");
        set(Field.CA_FILE, isRemote ? FieldRules.caFile(caFile.get()) : "");
        set(Field.CONNECT_TIMEOUT, isRemote ? FieldRules.millis("the connect timeout", connectTimeout.get()) : "");
        set(Field.READ_TIMEOUT, isRemote ? FieldRules.millis("the read timeout", readTimeout.get()) : "");
        valid.set(problems.values().stream().allMatch(p -> p.get().isEmpty()));
        String variable = !isRemote ? null : a == AuthType.BEARER ? tokenEnv.get()
                : a == AuthType.BASIC ? passwordEnv.get() : null;
        secretStatus.set(FieldRules.variableStatus(variable, environment));
        secretSet.set(FieldRules.variableSet(variable, environment));
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

    /** Whether the named secret variable is set in the console's environment ("" when no secret is named). */
    public ReadOnlyStringProperty secretStatusProperty() {
        return secretStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty secretSetProperty() {
        return secretSet.getReadOnlyProperty();
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

    public StringProperty tokenEnvProperty() {
        return tokenEnv;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordEnvProperty() {
        return passwordEnv;
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
