package io.promptdesk.ui.connections;

import io.promptdesk.connections.RouterKind;
import io.promptdesk.ui.common.StyleClasses;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The traffic router section: embedded, webhook (URL and secret variable) or MLflow aliases. */
final class RouterFormView extends VBox {

    RouterFormView(RouterForm form) {
        getStyleClass().add(StyleClasses.PANEL);
        ProblemDecoration problems = new ProblemDecoration();
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
        problems.bind(kind, form.kindProblemProperty());
        Label kindProblem = Fields.note(StyleClasses.FORM_PROBLEM, form.kindProblemProperty());
        TextField url = Fields.text("router-url", form.webhookUrlProperty(), "https://router.example/promptdesk",
                "Where rollouts POST their signed traffic split");
        problems.bind(url, form.urlProblemProperty());
        TextField secret = Fields.text("router-secret-env", form.secretEnvProperty(), "e.g. ROUTER_SECRET",
                "The NAME of the environment variable holding the signing secret; the secret is never written");
        problems.bind(secret, form.secretProblemProperty());
        Label secretStatus = Fields.note(StyleClasses.SECRET_STATUS, form.secretStatusProperty(),
                form.secretSetProperty(), form.secretSetProperty().not());

        HBox urlRow = Fields.row("Webhook URL", url);
        HBox secretRow = Fields.rowWithNotes("Secret variable", secret, new Node[]{secretStatus});
        HBox.setHgrow(url, Priority.ALWAYS);
        Fields.showWhen(form.webhookProperty(), urlRow, secretRow);
        HBox kindProblemRow = Fields.row("", kindProblem);
        Fields.bindVisible(kindProblemRow, form.kindProblemProperty());
        Label hint = Fields.note(StyleClasses.NOTE, form.hintProperty());
        getChildren().addAll(Fields.sectionTitle("Traffic router"), Fields.row("Router", kind), kindProblemRow, urlRow,
                secretRow, hint);
    }
}
