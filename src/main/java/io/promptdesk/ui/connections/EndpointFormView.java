package io.promptdesk.ui.connections;

import io.promptdesk.connections.EndpointSettings.AuthType;
import io.promptdesk.ui.connections.EndpointForm.Field;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/**
 * One engine's section: URL with "Test connection", auth by the name of a variable or an OS secret store entry, CA
 * file and timeouts.
 */
final class EndpointFormView extends VBox {

    EndpointFormView(String title, String idPrefix, String urlPrompt, EndpointForm form, EngineTest test,
                     Runnable chooseCaFile) {
        getStyleClass().add(StyleClasses.PANEL);

        TextField url = Fields.text(idPrefix + "-url", form.urlProperty(), urlPrompt,
                "Leave empty to use the embedded engine");
        Label urlProblem = problem(url, form, Field.URL);
        Button testButton = new Button("Test connection");
        testButton.setId(idPrefix + "-test");
        testButton.disableProperty().bind(test.canTestProperty().not());
        testButton.setOnAction(e -> test.run());
        testButton.setMinWidth(Region.USE_PREF_SIZE);
        Label result = Fields.note(StyleClasses.PROBE_RESULT, test.resultProperty(), test.passedProperty(),
                test.failedProperty());
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
        ComboBox<SecretSource> tokenSource = Fields.sourceChoice(idPrefix + "-token-source",
                form.tokenSourceProperty());
        ComboBox<SecretSource> passwordSource = Fields.sourceChoice(idPrefix + "-password-source",
                form.passwordSourceProperty());
        TextField tokenEnv = Fields.text(idPrefix + "-token-env", form.tokenEnvProperty(), "e.g. PROMETHEUS_TOKEN",
                "The NAME of the environment variable holding the bearer token; the token is never written");
        Label tokenEnvProblem = problem(tokenEnv, form, Field.TOKEN_ENV);
        TextField tokenSecret = Fields.text(idPrefix + "-token-secret", form.tokenSecretProperty(),
                "e.g. " + idPrefix + "-token", "The NAME of the OS secret store entry (service promptdesk) holding "
                        + "the bearer token; the token is never written");
        Label tokenSecretProblem = problem(tokenSecret, form, Field.TOKEN_SECRET);
        TextField username = Fields.text(idPrefix + "-username", form.usernameProperty(), "user name",
                "The basic-auth user name");
        Label usernameProblem = problem(username, form, Field.USERNAME);
        TextField passwordEnv = Fields.text(idPrefix + "-password-env", form.passwordEnvProperty(),
                "e.g. MLFLOW_PASSWORD", "The NAME of the environment variable holding the password; the password "
                        + "is never written");
        Label passwordEnvProblem = problem(passwordEnv, form, Field.PASSWORD_ENV);
        TextField passwordSecret = Fields.text(idPrefix + "-password-secret", form.passwordSecretProperty(),
                "e.g. " + idPrefix + "-password", "The NAME of the OS secret store entry (service promptdesk) "
                        + "holding the password; the password is never written");
        Label passwordSecretProblem = problem(passwordSecret, form, Field.PASSWORD_SECRET);
        Label secret = Fields.note(StyleClasses.SECRET_STATUS, form.secretStatusProperty(), form.secretSetProperty(),
                form.secretSetProperty().not());
        secret.setId(idPrefix + "-secret-status");

        TextField ca = Fields.text(idPrefix + "-ca", form.caFileProperty(), "system trust store",
                "A PEM file of extra CA certificates for a private CA");
        Label caProblem = problem(ca, form, Field.CA_FILE);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseCaFile.run());
        TextField connect = Fields.text(idPrefix + "-connect-timeout", form.connectTimeoutProperty(), "default",
                "Connect timeout in milliseconds; empty for the default");
        connect.setPrefColumnCount(7);
        Label connectProblem = problem(connect, form, Field.CONNECT_TIMEOUT);
        TextField read = Fields.text(idPrefix + "-read-timeout", form.readTimeoutProperty(), "default",
                "Read timeout in milliseconds; empty for the default");
        read.setPrefColumnCount(7);
        Label readProblem = problem(read, form, Field.READ_TIMEOUT);

        HBox timeouts = new HBox(8, new Label("connect"), connect, new Label("read"), read, new Label("ms"));
        timeouts.setAlignment(Pos.CENTER_LEFT);
        Label override = Fields.note(StyleClasses.NOTE, form.overrideProperty());
        HBox tokenFrom = new HBox(8, new Label("token from"), tokenSource);
        HBox passwordFrom = new HBox(8, new Label("password from"), passwordSource);
        for (HBox from : new HBox[]{tokenFrom, passwordFrom}) {
            from.setAlignment(Pos.CENTER_LEFT);
        }
        HBox tokenRow = Fields.rowWithNotes("Token variable", tokenEnv, new Node[]{tokenEnvProblem});
        HBox tokenEntryRow = Fields.rowWithNotes("Token entry", tokenSecret, new Node[]{tokenSecretProblem});
        HBox userRow = Fields.rowWithNotes("User name", username, new Node[]{usernameProblem});
        HBox passwordRow = Fields.rowWithNotes("Password variable", passwordEnv, new Node[]{passwordEnvProblem});
        HBox passwordEntryRow = Fields.rowWithNotes("Password entry", passwordSecret,
                new Node[]{passwordSecretProblem});
        HBox secretRow = Fields.row("", secret);
        Fields.bindVisible(secretRow, form.secretStatusProperty());
        BooleanBinding bearer = form.authProperty().isEqualTo(AuthType.BEARER);
        BooleanBinding basic = form.authProperty().isEqualTo(AuthType.BASIC);
        BooleanBinding tokenInStore = form.tokenSourceProperty().isEqualTo(SecretSource.STORE);
        BooleanBinding passwordInStore = form.passwordSourceProperty().isEqualTo(SecretSource.STORE);
        Fields.showWhen(bearer, tokenFrom);
        Fields.showWhen(bearer.and(tokenInStore.not()), tokenRow);
        Fields.showWhen(bearer.and(tokenInStore), tokenEntryRow);
        Fields.showWhen(basic, passwordFrom, userRow);
        Fields.showWhen(basic.and(passwordInStore.not()), passwordRow);
        Fields.showWhen(basic.and(passwordInStore), passwordEntryRow);
        // Auth, CA and timeouts apply only to a remote engine.
        for (Node n : new Node[]{auth, tokenSource, tokenEnv, tokenSecret, username, passwordSource, passwordEnv,
                passwordSecret, ca, browse, connect, read}) {
            n.disableProperty().bind(form.remoteProperty().not());
        }
        HBox urlRow = Fields.rowWithNotes("URL", url, new Node[]{urlProblem, result, override}, testButton);
        getChildren().addAll(Fields.sectionTitle(title), urlRow,
                Fields.row("Auth", auth, tokenFrom, passwordFrom), tokenRow, tokenEntryRow, userRow, passwordRow,
                passwordEntryRow, secretRow,
                Fields.rowWithNotes("CA file", ca, new Node[]{caProblem}, browse),
                Fields.rowWithNotes("Timeouts", timeouts, new Node[]{connectProblem, readProblem}));
    }

    private static Label problem(Control field, EndpointForm form, Field which) {
        return ProblemDecoration.bind(field, form.problemProperty(which));
    }
}
