package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.RouterKind;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * Where rollouts send their traffic split: the embedded simulated service, a team's webhook (URL and the NAME of the
 * variable or OS secret store entry holding its signing secret), or MLflow's aliases (which needs the MLflow
 * registry).
 */
public final class RouterForm {
    private final SecretStatus secretStatus;
    private final ObjectProperty<RouterKind> kind = new SimpleObjectProperty<>(RouterKind.EMBEDDED);
    private final StringProperty webhookUrl = new SimpleStringProperty("");
    private final ObjectProperty<SecretSource> secretSource = new SimpleObjectProperty<>(SecretSource.ENVIRONMENT);
    private final StringProperty secretEnv = new SimpleStringProperty("");
    private final StringProperty secretStore = new SimpleStringProperty("");
    private final BooleanProperty mlflowRemote = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper kindProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secretProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper webhook = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    /** The webhook's auth and TLS as the file has them: the page edits only its URL. */
    private EndpointSettings loadedWebhook;

    RouterForm(SecretStatus secretStatus) {
        this.secretStatus = secretStatus;
        List.<Observable>of(kind, webhookUrl, secretSource, secretEnv, secretStore, mlflowRemote)
                .forEach(o -> o.addListener(x -> validate()));
        validate();
    }

    public void load(ConnectionSettings s) {
        loadedWebhook = s.webhook();
        webhookUrl.set(s.webhook() == null ? "" : s.webhook().url());
        secretSource.set(s.webhookSecretStore() != null ? SecretSource.STORE : SecretSource.ENVIRONMENT);
        secretEnv.set(s.webhookSecretEnv() == null ? "" : s.webhookSecretEnv());
        secretStore.set(s.webhookSecretStore() == null ? "" : s.webhookSecretStore());
        kind.set(s.router());
    }

    /** {@code base} with this router; only meaningful while valid. */
    public ConnectionSettings applyTo(ConnectionSettings base) {
        String url = FieldRules.strip(webhookUrl.get());
        EndpointSettings w = url == null ? null : loadedWebhook == null ? EndpointSettings.of(url)
                : loadedWebhook.withUrl(url);
        boolean inStore = secretSource.get() == SecretSource.STORE;
        return base.withRouter(kind.get()).withWebhook(w, inStore ? null : FieldRules.strip(secretEnv.get()),
                inStore ? FieldRules.strip(secretStore.get()) : null);
    }

    private void validate() {
        RouterKind k = kind.get() == null ? RouterKind.EMBEDDED : kind.get();
        boolean isWebhook = k == RouterKind.WEBHOOK;
        webhook.set(isWebhook);
        hint.set(switch (k) {
            case EMBEDDED -> "The embedded simulated service routes its own traffic.";
            case WEBHOOK -> "Each stage POSTs the traffic split to this URL, signed with HMAC-SHA256 of the secret.";
            case MLFLOW -> "Each stage moves MLflow's canary alias and sets its percentage tag, for serving layers "
                    + "that read them.";
        });
        kindProblem.set(k == RouterKind.MLFLOW && !mlflowRemote.get()
                ? "the mlflow router moves MLflow's aliases: give the MLflow URL above" : "");
        urlProblem.set(isWebhook ? FieldRules.url("traffic webhook", webhookUrl.get(), false)
                : FieldRules.url("traffic webhook", webhookUrl.get(), true));
        boolean inStore = secretSource.get() == SecretSource.STORE;
        secretProblem.set(!isWebhook ? "" : inStore ? FieldRules.entry("signing secret", secretStore.get())
                : FieldRules.variable("signing secret", secretEnv.get()));
        valid.set(kindProblem.get().isEmpty() && urlProblem.get().isEmpty() && secretProblem.get().isEmpty());
        if (isWebhook) {
            secretStatus.show(secretSource.get(), inStore ? secretStore.get() : secretEnv.get());
        } else {
            secretStatus.show(null, null);
        }
    }

    /** Everything the person edits, to listen for changes. */
    List<Observable> inputs() {
        return List.of(kind, webhookUrl, secretSource, secretEnv, secretStore);
    }

    public boolean isValid() {
        return valid.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when the webhook router is chosen: its URL and secret matter. */
    public ReadOnlyBooleanProperty webhookProperty() {
        return webhook.getReadOnlyProperty();
    }

    /** Whether an MLflow URL is given; the view model keeps it in step with the MLflow form. */
    BooleanProperty mlflowRemoteProperty() {
        return mlflowRemote;
    }

    public ObjectProperty<RouterKind> kindProperty() {
        return kind;
    }

    public StringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    /** Where the signing secret is: an environment variable or the OS secret store. */
    public ObjectProperty<SecretSource> secretSourceProperty() {
        return secretSource;
    }

    public StringProperty secretEnvProperty() {
        return secretEnv;
    }

    /** The name of the OS secret store entry holding the signing secret. */
    public StringProperty secretStoreProperty() {
        return secretStore;
    }

    /** What the chosen router does, in a sentence. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindProblemProperty() {
        return kindProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretProblemProperty() {
        return secretProblem.getReadOnlyProperty();
    }

    /** Whether the named variable is set or the named entry stored, never the secret; "" when none is named. */
    public ReadOnlyStringProperty secretStatusProperty() {
        return secretStatus.textProperty();
    }

    public ReadOnlyBooleanProperty secretSetProperty() {
        return secretStatus.foundProperty();
    }
}
