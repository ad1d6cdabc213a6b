package io.promptdesk.ui.connections;

import io.promptdesk.app.Engines;
import io.promptdesk.app.StoreAdmin;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.StoreSettings;
import io.promptdesk.model.BadInputException;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The Connections page's Store section and the status bar's store line: which store keeps the records (the
 * embedded file, or a PostgreSQL team store), whether it answers now, and a form to point the workspace at a team
 * store - tested before it is saved, written to promptdesk.yaml as the password's source only, and used from the
 * console's next start (a running console never swaps its store under a rollback).
 */
public final class StoreSection {
    private final Path workspace;
    private final UnaryOperator<String> environment;
    private final BackgroundRunner runner;
    private final DialogService dialogs;

    private final StringProperty inUse = new SimpleStringProperty("");
    private final BooleanProperty reachable = new SimpleBooleanProperty(true);
    private final StringProperty statusLine = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");

    private final BooleanProperty team = new SimpleBooleanProperty();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<SecretSource> passwordSource = new SimpleObjectProperty<>(SecretSource.ENVIRONMENT);
    private final StringProperty passwordName = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final BooleanProperty testOk = new SimpleBooleanProperty();
    private final BooleanProperty testing = new SimpleBooleanProperty();

    /** @param inUseNow the store the console opened (kind and where, never a password) */
    private String savingLocked;

    public StoreSection(Path workspace, String inUseNow, UnaryOperator<String> environment, BackgroundRunner runner,
                        DialogService dialogs) {
        this.workspace = workspace;
        this.environment = environment;
        this.runner = runner;
        this.dialogs = dialogs;
        inUse.set(inUseNow);
        updateLine();
        revert();
    }

    /** The settings as promptdesk.yaml has them now. */
    public void revert() {
        StoreSettings s;
        try {
            s = ConnectionsFile.readStore(workspace);
        } catch (BadInputException e) {
            problem.set(e.getMessage());
            s = StoreSettings.embedded();
        }
        team.set(s.team());
        url.set(s.url() == null ? "" : s.url());
        user.set(s.user() == null ? "" : s.user());
        passwordSource.set(s.passwordSecret() != null ? SecretSource.STORE : SecretSource.ENVIRONMENT);
        passwordName.set(s.passwordSecret() != null ? s.passwordSecret() : s.passwordEnv() == null ? ""
                : s.passwordEnv());
    }

    /** Whether the store in use answers now ({@code problem} says why not); called on the FX thread. */
    public void reachability(boolean ok, String why) {
        reachable.set(ok);
        problem.set(ok ? "" : why == null ? "" : why);
        updateLine();
    }

    private void updateLine() {
        statusLine.set("Store: " + inUse.get() + (reachable.get() ? "" : " - unreachable, reconnecting"));
    }

    /** The form's settings; throws {@link BadInputException} naming what is wrong. */
    StoreSettings settings() {
        if (!team.get()) {
            return StoreSettings.embedded();
        }
        String name = blankToNull(passwordName.get());
        return new StoreSettings(StoreSettings.POSTGRESQL, blankToNull(url.get()), blankToNull(user.get()),
                passwordSource.get() == SecretSource.ENVIRONMENT ? name : null,
                passwordSource.get() == SecretSource.STORE ? name : null);
    }

    /** Tests the form's store off the FX thread: does it answer, with which schema. */
    public void test() {
        StoreSettings s;
        try {
            s = settings();
        } catch (BadInputException e) {
            testOk.set(false);
            testResult.set(e.getMessage());
            return;
        }
        testing.set(true);
        testResult.set("testing...");
        runner.run((progress, cancelled) -> StoreAdmin.status(Engines.Config.of(workspace).withStore(s)
                .withEnvironment(environment)), (done, total) -> { }, st -> {
            testing.set(false);
            testOk.set(st.ready());
            testResult.set(st.ready() ? "✓ " + st.url() + " answers, schema version " + st.schemaVersion()
                    : "✗ " + (st.error() == null ? "not usable" : st.error()));
        }, e -> {
            testing.set(false);
            testOk.set(false);
            testResult.set("✗ " + e.getMessage());
        });
    }

    /** Writes the form's store to promptdesk.yaml; it is used from the console's next start. */
    /**
     * Settings are the admin's on a team store: {@code whyNot} (null when allowed) is what the disabled save button
     * says. Set before the page is shown.
     */
    public void lockSaving(String whyNot) {
        this.savingLocked = whyNot;
    }

    /** Null when this person may save; else why not. */
    public String savingLocked() {
        return savingLocked;
    }

    public void save() {
        if (savingLocked != null) {
            dialogs.showError("Not saved", savingLocked, null);
            return;
        }
        try {
            ConnectionsFile.writeStore(workspace, settings());
            dialogs.notify(DialogService.Outcome.SUCCESS, "Store saved", "The workspace's store is now "+ (team.get() ? url.get()
                    : "the embedded file") + ". The console keeps its current store until it is restarted, so "
                    + "no rollback or rollout changes stores half-way.");
        } catch (BadInputException e) {
            testOk.set(false);
            testResult.set(e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine;
    }

    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyStringProperty inUseProperty() {
        return inUse;
    }

    public BooleanProperty teamProperty() {
        return team;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<SecretSource> passwordSourceProperty() {
        return passwordSource;
    }

    public StringProperty passwordNameProperty() {
        return passwordName;
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult;
    }

    public ReadOnlyBooleanProperty testOkProperty() {
        return testOk;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing;
    }
}
