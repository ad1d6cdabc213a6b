package io.promptdesk.ui.connections;

import io.promptdesk.connections.RouterKind;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The traffic router section: embedded, webhook (URL and secret variable or store entry) or MLflow aliases. */
final class RouterFormView extends VBox {

    RouterFormView(RouterForm form) {
        getStyleClass().add(StyleClasses.PANEL);
        ComboBox<RouterKind> kind = new ComboBox<>();
        kind.setId("router-kind");
        kind.getItems().setAll(RouterKind.values());
        kind.valueProperty().bindBidirectional(form.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(RouterKind k) {
                return k == null ? "" : k.key();
            }

            @Override
            public RouterKind fromString(String s) {
                return RouterKind.of(s);
            }
        });
        Label kindProblem = ProblemDecoration.bind(kind, form.kindProblemProperty());
        TextField url = Fields.text("router-url", form.webhookUrlProperty(), "https://router.example/promptdesk",
                "Where rollouts POST their signed traffic split");
        Label urlProblem = ProblemDecoration.bind(url, form.urlProblemProperty());
        ComboBox<SecretSource> source = Fields.sourceChoice("router-secret-source", form.secretSourceProperty());
        TextField secret = Fields.text("router-secret-env", form.secretEnvProperty(), "e.g. ROUTER_SECRET",
                "The NAME of the environment variable holding the signing secret; the secret is never written");
        Label secretProblem = ProblemDecoration.bind(secret, form.secretProblemProperty());
        TextField entry = Fields.text("router-secret-store", form.secretStoreProperty(), "e.g. router-secret",
                "The NAME of the OS secret store entry (service promptdesk) holding the signing secret; the secret "
                        + "is never written");
        Label entryProblem = ProblemDecoration.bind(entry, form.secretProblemProperty());
        Label secretStatus = Fields.note(StyleClasses.SECRET_STATUS, form.secretStatusProperty(),
                form.secretSetProperty(), form.secretSetProperty().not());
        secretStatus.setId("router-secret-status");

        HBox urlRow = Fields.rowWithNotes("Webhook URL", url, new Node[]{urlProblem});
        HBox sourceRow = Fields.row("Secret from", source);
        HBox secretRow = Fields.rowWithNotes("Secret variable", secret, new Node[]{secretProblem});
        HBox entryRow = Fields.rowWithNotes("Secret entry", entry, new Node[]{entryProblem});
        HBox statusRow = Fields.row("", secretStatus);
        Fields.bindVisible(statusRow, form.secretStatusProperty());
        BooleanBinding inStore = form.secretSourceProperty().isEqualTo(SecretSource.STORE);
        Fields.showWhen(form.webhookProperty(), urlRow, sourceRow);
        Fields.showWhen(form.webhookProperty().and(inStore.not()), secretRow);
        Fields.showWhen(form.webhookProperty().and(inStore), entryRow);
        Label hint = Fields.note(StyleClasses.NOTE, form.hintProperty());
        HBox kindRow = Fields.rowWithNotes("Router", kind, new Node[]{kindProblem});
        getChildren().addAll(Fields.sectionTitle("Traffic router"), kindRow, urlRow, sourceRow, secretRow, entryRow,
                statusRow, hint);
    }
}
