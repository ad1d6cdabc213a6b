package io.promptdesk.ui.connections;

import io.promptdesk.ui.common.RoleLock;
import io.promptdesk.ui.common.StyleClasses;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Store section: the store in use and whether it answers; a team store's URL, login and password's source. */
final class StoreSectionView extends VBox {
    static final String TEAM_ID = "store-team";
    static final String URL_ID = "store-url";
    static final String TEST_ID = "store-test";
    static final String SAVE_ID = "store-save";
    static final String RESULT_ID = "store-test-result";

    StoreSectionView(StoreSection s) {
        getStyleClass().add(StyleClasses.PANEL);
        Label inUse = new Label();
        inUse.textProperty().bind(s.statusLineProperty());
        inUse.setWrapText(true);
        Label problem = Fields.note(StyleClasses.FORM_PROBLEM, s.problemProperty());

        CheckBox team = new CheckBox("Keep the records in a PostgreSQL team store (every desk and CI job sees the "
                + "same rollouts); unchecked: the workspace's embedded file");
        team.setId(TEAM_ID);
        team.setWrapText(true);
        team.selectedProperty().bindBidirectional(s.teamProperty());
        TextField url = Fields.text(URL_ID, s.urlProperty(), "postgresql://db.example:5432/promptdesk",
                "The team store's URL; a password is never written here");
        TextField user = Fields.text("store-user", s.userProperty(), "e.g. ana (default: your OS user)",
                "Your own login: the store records who did what by it");
        TextField secret = Fields.text("store-password-name", s.passwordNameProperty(), "e.g. PGPASSWORD",
                "The NAME of the environment variable or OS secret store entry holding your password; empty: "
                        + "$PGPASSWORD or ~/.pgpass");
        HBox urlRow = Fields.row("URL", url);
        HBox userRow = Fields.row("Login", user);
        HBox sourceRow = Fields.row("Password from", Fields.sourceChoice("store-password-source",
                s.passwordSourceProperty()));
        HBox secretRow = Fields.row("Its name", secret);
        Fields.showWhen(s.teamProperty(), urlRow, userRow, sourceRow, secretRow);

        Button test = new Button("Test connection");
        test.setId(TEST_ID);
        test.disableProperty().bind(s.testingProperty());
        test.setOnAction(e -> s.test());
        Button save = new Button("Save store");
        save.setId(SAVE_ID);
        save.setOnAction(e -> s.save());
        Label result = Fields.note(StyleClasses.SECRET_STATUS, s.testResultProperty(), s.testOkProperty(),
                s.testOkProperty().not().and(s.testingProperty().not()));
        result.setId(RESULT_ID);
        Label when = new Label("A saved store is used from the console's next start; the CLI uses it at once.");
        when.getStyleClass().add(StyleClasses.NOTE);
        when.setWrapText(true);
        getChildren().addAll(Fields.sectionTitle("Store"), inUse, problem, team, urlRow, userRow, sourceRow,
                secretRow, new HBox(8, test, RoleLock.lock(save, s.savingLocked())), result, when);
    }
}
