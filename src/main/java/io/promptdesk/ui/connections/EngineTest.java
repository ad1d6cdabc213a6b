package io.promptdesk.ui.connections;

import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.Probe;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Function;

/**
 * "Test connection" for one engine: runs the check off the FX thread on what the form holds and keeps the last
 * probe. The probe is a finding, not an error: a server that does not answer is shown beside the button.
 */
public final class EngineTest {
    private final EndpointForm form;
    private final Function<EndpointSettings, Probe> check;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Probe> probe = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canTest = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper passed = new ReadOnlyBooleanWrapper();

    EngineTest(EndpointForm form, Function<EndpointSettings, Probe> check, BackgroundRunner runner,
               DialogService dialogs) {
        this.form = form;
        this.check = check;
        this.runner = runner;
        this.dialogs = dialogs;
        BooleanBinding can = form.remoteProperty().and(form.validProperty()).and(busy.not());
        canTest.bind(can);
        failed.bind(Bindings.createBooleanBinding(() -> !busy.get() && current() != null && !current().ok(),
                probe, busy, form.urlProperty()));
        passed.bind(Bindings.createBooleanBinding(() -> !busy.get() && current() != null && current().ok(),
                probe, busy, form.urlProperty()));
        // A result stays beside the URL it was for: editing the URL clears it, restoring the URL brings it back.
        form.urlProperty().addListener((obs, old, now) -> {
            if (!busy.get()) {
                result.set(ConnectionsFormat.probe(current()));
            }
        });
    }

    /** Tests the engine as the form describes it (saved or not); does nothing unless {@link #canTest()}. */
    public void run() {
        if (!canTest.get()) {
            return;
        }
        EndpointSettings settings = form.settings();
        busy.set(true);
        result.set("testing " + settings.url() + " ...");
        runner.run((progress, cancelled) -> check.apply(settings), (done, total) -> { }, p -> {
            busy.set(false);
            probe.set(p);
            result.set(ConnectionsFormat.probe(p));
        }, e -> {
            busy.set(false);
            result.set("");
            dialogs.showError("Cannot test " + form.engine(), e.getMessage(), e);
        });
    }

    /** The last probe when it was of the URL the form now holds, else null. */
    private Probe current() {
        Probe p = probe.get();
        return p != null && p.url().strip().equals(form.urlProperty().get().strip()) ? p : null;
    }

    public boolean canTest() {
        return canTest.get();
    }

    public ReadOnlyBooleanProperty canTestProperty() {
        return canTest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last probe, or null before the first test. */
    public ReadOnlyObjectProperty<Probe> probeProperty() {
        return probe.getReadOnlyProperty();
    }

    /** The last probe in words: latency and version, or why the engine did not answer. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True when the last test (not one under way) answered, for the view's colour. */
    public ReadOnlyBooleanProperty passedProperty() {
        return passed.getReadOnlyProperty();
    }

    /** True when the last test (not one under way) got no answer, for the view's colour. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
