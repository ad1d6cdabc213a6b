package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.model.BadInputException;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.DialogService.FileKind;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Connections page: the workspace's {@code connections:} settings as forms, "Test connection" per engine, Save
 * through {@link ConnectionsFile} (which writes the names of variables and store entries, never secrets), and the
 * status bar's summary of which engines are embedded or remote and how their last test went.
 */
public final class ConnectionsViewModel {
    private static final List<FileKind> CA_FILES = List.of(new FileKind("PEM certificates", List.of("pem", "crt")),
            new FileKind("All files", List.of("*")));

    private final ConnectionsServices services;
    private final EndpointForm prometheus;
    private final EndpointForm mlflow;
    private final RouterForm router;
    private final EngineTest prometheusTest;
    private final EngineTest mlflowTest;
    /** The settings as the workspace file has them (what Save last wrote, or what was read). */
    private final ReadOnlyObjectWrapper<ConnectionSettings> saved =
            new ReadOnlyObjectWrapper<>(ConnectionSettings.embedded());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper();
    private String savingLocked;
    private final ReadOnlyBooleanWrapper canTestAny = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    /** The settings of the engines the console runs on: the file's at start, then each saved change's. */
    private final ReadOnlyObjectWrapper<ConnectionSettings> inUse = new ReadOnlyObjectWrapper<>();

    public ConnectionsViewModel(ConnectionsServices services) {
        this.services = services;
        prometheus = new EndpointForm("Prometheus", ConnectionsFile.ENV_PROMETHEUS_URL, services.environment(),
                secretStatus());
        mlflow = new EndpointForm("MLflow", ConnectionsFile.ENV_MLFLOW_URL, services.environment(), secretStatus());
        router = new RouterForm(secretStatus());
        router.mlflowRemoteProperty().bind(mlflow.remoteProperty());
        prometheusTest = new EngineTest(prometheus, services.checks()::prometheus, services.runner(),
                services.dialogs());
        mlflowTest = new EngineTest(mlflow, services.checks()::mlflow, services.runner(), services.dialogs());
        canSave.bind(valid.and(dirty).and(saving.not()));
        canTestAny.bind(prometheusTest.canTestProperty().or(mlflowTest.canTestProperty()));
        inUse.set(services.engines().inUse());
        load();
        // Listen only after loading, so that filling the forms does not count as an edit.
        List<Observable> inputs = new ArrayList<>(prometheus.inputs());
        inputs.addAll(mlflow.inputs());
        inputs.addAll(router.inputs());
        inputs.forEach(o -> o.addListener(x -> refresh()));
        for (Observable o : List.<Observable>of(inUse, prometheusTest.probeProperty(), mlflowTest.probeProperty())) {
            o.addListener(x -> updateStatusLine());
        }
        refresh();
        updateStatusLine();
    }

    private SecretStatus secretStatus() {
        return new SecretStatus(services.environment(), services.secrets(), services.runner());
    }

    /** Reads the workspace file; a file that cannot be read leaves the embedded settings and says why. */
    private void load() {
        ConnectionSettings s;
        try {
            s = ConnectionsFile.read(services.workspace());
            loadProblem.set("");
        } catch (BadInputException e) {
            s = ConnectionSettings.embedded();
            loadProblem.set(e.getMessage());
        }
        saved.set(s);
        fill(s);
    }

    private void fill(ConnectionSettings s) {
        prometheus.load(s.prometheus());
        mlflow.load(s.mlflow());
        router.load(s);
    }

    /** The settings the forms hold, keeping what the page does not edit (scrape interval, PromQL overrides). */
    ConnectionSettings edited() {
        ConnectionSettings base = saved.get().withPrometheus(prometheus.settings()).withMlflow(mlflow.settings());
        return router.applyTo(base);
    }

    private void refresh() {
        boolean ok = prometheus.isValid() && mlflow.isValid() && router.isValid();
        valid.set(ok);
        dirty.set(!ok || !edited().equals(saved.get()));
    }

    /** The status bar tells the engines in use, not the file: they differ only while a change could not be used. */
    private void updateStatusLine() {
        statusLine.set(ConnectionsFormat.statusLine(inUse.get(), prometheusTest.probeProperty().get(),
                mlflowTest.probeProperty().get()));
    }

    /** What Save did: the settings written, and why the console could not use them ("" when it does). */
    private record Saved(ConnectionSettings settings, String notUsed) {
    }

    /** Writes the forms to the workspace's promptdesk.yaml, keeping its other keys. */
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
            services.dialogs().showError("Not saved", savingLocked, null);
            return;
        }
        if (!canSave.get()) {
            return;
        }
        ConnectionSettings settings = edited();
        Path workspace = services.workspace();
        saving.set(true);
        services.runner().run((progress, cancelled) -> {
            ConnectionsFile.write(workspace, settings);
            try {
                services.engines().use(ConnectionsFile.withEnvironment(settings, services.environment()));
                return new Saved(settings, "");
            } catch (BadInputException e) {
                return new Saved(settings, e.getMessage());
            }
        }, (done, total) -> { }, written -> {
            saving.set(false);
            saved.set(written.settings());
            inUse.set(services.engines().inUse());
            loadProblem.set("");
            refresh();
            String where = "Written to " + workspace.resolve(ConnectionsFile.FILE) + " (secrets only by name)";
            if (written.notUsed().isEmpty()) {
                services.dialogs().notify(DialogService.Outcome.SUCCESS, "Connections saved and in use", where
                        + "; rollouts, rollbacks and the registry now use them");
            } else {
                services.dialogs().notify(DialogService.Outcome.WARNING, "Connections saved, not in use", where
                        + ", but the console keeps its previous engines: " + written.notUsed());
            }
        }, e -> {
            saving.set(false);
            String message = e instanceof UncheckedIOException || e instanceof BadInputException ? e.getMessage()
                    : "the settings could not be written: " + e.getMessage();
            services.dialogs().showError("Cannot save the connections", message, e);
        });
    }

    /** Puts the saved settings back in the forms. */
    public void revert() {
        fill(saved.get());
        refresh();
    }

    /** Tests every remote engine the forms name. */
    public void testAll() {
        prometheusTest.run();
        mlflowTest.run();
    }

    /** Asks for a CA file for {@code form}. */
    public void chooseCaFile(EndpointForm form) {
        String current = form.caFileProperty().get();
        // Start where the current file is, when there is one; the workspace otherwise.
        Path folder = FieldRules.blank(current) || !FieldRules.caFile(current).isEmpty() ? services.workspace()
                : Path.of(current.strip()).toAbsolutePath().getParent();
        services.dialogs().chooseFileToOpen("CA certificates for " + form.engine(), folder, CA_FILES)
                .ifPresent(p -> form.caFileProperty().set(p.toString()));
    }

    public EndpointForm prometheus() {
        return prometheus;
    }

    public EndpointForm mlflow() {
        return mlflow;
    }

    public RouterForm router() {
        return router;
    }

    public EngineTest prometheusTest() {
        return prometheusTest;
    }

    public EngineTest mlflowTest() {
        return mlflowTest;
    }

    public Path workspaceFile() {
        return services.workspace().resolve(ConnectionsFile.FILE);
    }

    public ReadOnlyObjectProperty<ConnectionSettings> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The forms differ from the file (or are invalid, so surely not what the file holds). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** At least one engine is remote and ready to test. */
    public ReadOnlyBooleanProperty canTestAnyProperty() {
        return canTestAny.getReadOnlyProperty();
    }

    public boolean canSave() {
        return canSave.get();
    }

    /** Why the workspace file could not be read, or "". */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    /** The console's engines changed (its first choice at start, or elsewhere): the status bar follows. */
    public void enginesChanged() {
        inUse.set(services.engines().inUse());
    }

    /** The settings of the engines the console runs on; null while they are being chosen. */
    public ReadOnlyObjectProperty<ConnectionSettings> inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    /** E.g. "metrics: Prometheus ✓ 28 ms · registry: embedded · router: embedded", for the status bar. */
    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }
}
