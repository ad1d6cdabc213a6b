package io.promptdesk.ui.connections;

import io.promptdesk.connections.EndpointSettings.AuthType;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/** One engine's section: URL with "Test connection", auth by variable name, CA file and timeouts. */
final class EndpointFormView extends VBox {

    EndpointFormView(String title, String idPrefix, String urlPrompt, EndpointForm form, EngineTest test,
                     Runnable chooseCaFile) {
        getStyleClass().add(StyleClasses.PANEL);
        ProblemDecoration problems = new ProblemDecoration();

        TextField url = Fields.text(idPrefix + "-url", form.urlProperty(), urlPrompt,
                "Leave empty to use the embedded engine");
        problems.bind(url, form.problemProperty(EndpointForm.Field.URL));
        Button testButton = new Button("Test connection");
        testButton.setId(idPrefix + "-test");
        testButton.disableProperty().bind(test.canTestProperty().not());
        testButton.setOnAction(e -> test.run());
        Label result = Fields.note(StyleClasses.PROBE_RESULT, test.resultProperty(), test.failedProperty().not());
        result.setId(idPrefix + "-result");

        ComboBox<AuthType> auth = new ComboBox<>();
        auth.getItems().setAll(AuthType.values());
        auth.valueProperty().bindBidirectional(form.authProperty());
        auth.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuthType a) {
                return a == null ? "" : a.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public AuthType fromString(String s) {
                return AuthType.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });
        TextField tokenEnv = Fields.text(idPrefix + "-token-env", form.tokenEnvProperty(), "e.g. PROMETHEUS_TOKEN",
                "The NAME of the environment variable holding the bearer token; the token is never written");
        problems.bind(tokenEnv, form.problemProperty(EndpointForm.Field.TOKEN_ENV));
        TextField username = Fields.text(idPrefix + "-username", form.usernameProperty(), "user name",
                "The basic-auth user name");
        problems.bind(username, form.problemProperty(EndpointForm.Field.USERNAME));
        TextField passwordEnv = Fields.text(idPrefix + "-password-env", form.passwordEnvProperty(),
                "e.g. MLFLOW_PASSWORD", "The NAME of the environment variable holding the password; the password "
                        + "is never written");
        problems.bind(passwordEnv, form.problemProperty(EndpointForm.Field.PASSWORD_ENV));
        Label secret = Fields.note(StyleClasses.SECRET_STATUS, form.secretStatusProperty(), form.secretSetProperty());
        secret.setId(idPrefix + "-secret-status");

        TextField ca = Fields.text(idPrefix + "-ca", form.caFileProperty(), "system trust store",
                "A PEM file of extra CA certificates for a private CA");
        problems.bind(ca, form.problemProperty(EndpointForm.Field.CA_FILE));
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseCaFile.run());
        TextField connect = Fields.text(idPrefix + "-connect-timeout", form.connectTimeoutProperty(), "default",
                "Connect timeout in milliseconds; empty for the default");
        connect.setPrefColumnCount(7);
        problems.bind(connect, form.problemProperty(EndpointForm.Field.CONNECT_TIMEOUT));
        TextField read = Fields.text(idPrefix + "-read-timeout", form.readTimeoutProperty(), "default",
                "Read timeout in milliseconds; empty for the default");
        read.setPrefColumnCount(7);
        problems.bind(read, form.problemProperty(EndpointForm.Field.READ_TIMEOUT));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("URL"), url, testButton);
        grid.add(result, 1, row++, 2, 1);
        Label override = Fields.note(StyleClasses.NOTE, form.overrideProperty(), null);
        grid.add(override, 1, row++, 2, 1);
        grid.addRow(row++, new Label("Auth"), auth);
        Label tokenLabel = new Label("Token variable");
        grid.addRow(row++, tokenLabel, tokenEnv);
        Label userLabel = new Label("User name");
        grid.addRow(row++, userLabel, username);
        Label passwordLabel = new Label("Password variable");
        grid.addRow(row++, passwordLabel, passwordEnv);
        grid.add(secret, 1, row++, 2, 1);
        grid.addRow(row++, new Label("CA file"), ca, browse);
        HBox timeouts = new HBox(8, new Label("connect"), connect, new Label("read"), read, new Label("ms"));
        timeouts.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row, new Label("Timeouts"), timeouts);
        GridPane.setHgrow(url, Priority.ALWAYS);
        showWhen(form.authProperty().isEqualTo(AuthType.BEARER), tokenLabel, tokenEnv);
        showWhen(form.authProperty().isEqualTo(AuthType.BASIC), userLabel, username, passwordLabel, passwordEnv);
        // Auth, CA and timeouts apply only to a remote engine.
        for (Node n : new Node[]{auth, tokenEnv, username, passwordEnv, ca, browse, connect,
                read}) {
            n.disableProperty().bind(form.remoteProperty().not());
        }
        getChildren().addAll(Fields.sectionTitle(title), grid);
    }

    private static void showWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(condition);
            n.managedProperty().bind(condition);
        }
    }
}
