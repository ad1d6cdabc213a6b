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
import java.util.function.UnaryOperator;

/**
 * Where rollouts send their traffic split: the embedded simulated service, a team's webhook (URL and the NAME of the
 * variable holding its signing secret), or MLflow's aliases (which needs the MLflow registry).
 */
public final class RouterForm {
    private final UnaryOperator<String> environment;
    private final ObjectProperty<RouterKind> kind = new SimpleObjectProperty<>(RouterKind.EMBEDDED);
    private final StringProperty webhookUrl = new SimpleStringProperty("");
    private final StringProperty secretEnv = new SimpleStringProperty("");
    private final BooleanProperty mlflowRemote = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper kindProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secretProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper secretStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper secretSet = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper webhook = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    /** The webhook's auth and TLS as the file has them: the page edits only its URL. */
    private EndpointSettings loadedWebhook;

    public RouterForm(UnaryOperator<String> environment) {
        this.environment = environment;
        List.<Observable>of(kind, webhookUrl, secretEnv, mlflowRemote).forEach(o -> o.addListener(x -> validate()));
        validate();
    }

    public void load(ConnectionSettings s) {
        loadedWebhook = s.webhook();
        webhookUrl.set(s.webhook() == null ? "" : s.webhook().url());
        secretEnv.set(s.webhookSecretEnv() == null ? "" : s.webhookSecretEnv());
        kind.set(s.router());
    }

    /** {@code base} with this router; only meaningful while valid. */
    public ConnectionSettings applyTo(ConnectionSettings base) {
        String url = FieldRules.strip(webhookUrl.get());
        EndpointSettings w = url == null ? null : loadedWebhook == null ? EndpointSettings.of(url)
                : loadedWebhook.withUrl(url);
        return base.withRouter(kind.get()).withWebhook(w, FieldRules.strip(secretEnv.get()));
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
        secretProblem.set(isWebhook ? FieldRules.variable("signing secret", secretEnv.get()) : "");
        valid.set(kindProblem.get().isEmpty() && urlProblem.get().isEmpty() && secretProblem.get().isEmpty());
        String variable = isWebhook ? secretEnv.get() : null;
        secretStatus.set(FieldRules.variableStatus(variable, environment));
        secretSet.set(FieldRules.variableSet(variable, environment));
    }

    /** Everything the person edits, to listen for changes. */
    List<Observable> inputs() {
        return List.of(kind, webhookUrl, secretEnv);
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

    public StringProperty secretEnvProperty() {
        return secretEnv;
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

    public ReadOnlyStringProperty secretStatusProperty() {
        return secretStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty secretSetProperty() {
        return secretSet.getReadOnlyProperty();
    }
}
