package io.promptdesk.ui.connections;

import io.promptdesk.connections.RouterKind;
import io.promptdesk.ui.common.StyleClasses;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The traffic router section: embedded, webhook (URL and secret variable) or MLflow aliases. */
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
        TextField secret = Fields.text("router-secret-env", form.secretEnvProperty(), "e.g. ROUTER_SECRET",
                "The NAME of the environment variable holding the signing secret; the secret is never written");
        Label secretProblem = ProblemDecoration.bind(secret, form.secretProblemProperty());
        Label secretStatus = Fields.note(StyleClasses.SECRET_STATUS, form.secretStatusProperty(),
                form.secretSetProperty(), form.secretSetProperty().not());

        HBox urlRow = Fields.rowWithNotes("Webhook URL", url, new Node[]{urlProblem});
        HBox secretRow = Fields.rowWithNotes("Secret variable", secret, new Node[]{secretProblem, secretStatus});
        Fields.showWhen(form.webhookProperty(), urlRow, secretRow);
        Label hint = Fields.note(StyleClasses.NOTE, form.hintProperty());
        HBox kindRow = Fields.rowWithNotes("Router", kind, new Node[]{kindProblem});
        getChildren().addAll(Fields.sectionTitle("Traffic router"), kindRow, urlRow, secretRow, hint);
    }
}
