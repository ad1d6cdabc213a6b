package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.ConsoleSnapshot;
import io.promptdesk.app.rollout.SimulatorState;

import io.promptdesk.metrics.BehaviourProfile;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;
import java.util.Objects;

/**
 * The simulator's controls: traffic rate and time scale (applied as soon as they are chosen), the selected
 * rollout's stable and canary behaviour profiles (applied on request), and fault injection into the canary.
 */
public final class SimulatorModel {
    /** Requests per second of plan time. */
    public static final List<Double> RATES = List.of(10.0, 20.0, 50.0, 100.0, 200.0);
    /** Plan seconds per real second; kept modest so the simulator keeps up (rate x scale requests a second). */
    public static final List<Double> TIME_SCALES = List.of(1.0, 10.0, 30.0, 60.0);

    private final ConsoleCalls calls;
    private final ObjectProperty<Double> rate = new SimpleObjectProperty<>(SimulatedService.DEFAULT_RATE);
    private final ObjectProperty<Double> timeScale = new SimpleObjectProperty<>(1.0);
    private final ProfileFields stable = new ProfileFields();
    private final ProfileFields canary = new ProfileFields();
    private final ReadOnlyStringWrapper stableLabel = new ReadOnlyStringWrapper("stable");
    private final ReadOnlyStringWrapper canaryLabel = new ReadOnlyStringWrapper("canary");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private SimulatorState loaded;
    private boolean updating;

    SimulatorModel(ConsoleCalls calls) {
        this.calls = calls;
        rate.addListener((obs, old, now) -> {
            if (!updating && now != null) {
                calls.call("Cannot change the traffic rate", c -> c.setRate(now));
            }
        });
        timeScale.addListener((obs, old, now) -> {
            if (!updating && now != null) {
                calls.call("Cannot change the time scale", c -> c.setTimeScale(now));
            }
        });
    }

    /** Shows the snapshot's simulator; the profile fields are reloaded only when the rollout shown changes. */
    void update(SimulatorState s) {
        updating = true;
        try {
            rate.set(s.rate());
            timeScale.set(s.timeScale());
            live.set(s.live());
            if (loaded == null || !Objects.equals(loaded.deployment(), s.deployment())
                    || !Objects.equals(loaded.stableVersion(), s.stableVersion())
                    || !Objects.equals(loaded.canaryVersion(), s.canaryVersion())) {
                stable.load(s.stable());
                canary.load(s.canary());
                stableLabel.set(s.stableVersion() == null ? "stable" : "stable " + s.stableVersion());
                canaryLabel.set(s.canaryVersion() == null ? "canary" : "canary " + s.canaryVersion());
                problem.set("");
                loaded = s;
            }
        } finally {
            updating = false;
        }
    }

    /** Sends both edited profiles to the simulator; a field that is not a number is reported, nothing is sent. */
    public void applyProfiles() {
        SimulatorState target = loaded;
        if (target == null || target.deployment() == null) {
            return;
        }
        BehaviourProfile s;
        BehaviourProfile c;
        try {
            s = stable.toProfile(stableLabel.get());
            c = canary.toProfile(canaryLabel.get());
        } catch (BadInputException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        calls.call("Cannot change the profiles", console -> {
            console.setProfile(target.deployment(), target.stableVersion(), s);
            return console.setProfile(target.deployment(), target.canaryVersion(), c);
        }, this::reload);
    }

    /** From now on the canary is 3x slower and fails 8% of its requests. */
    public void injectFault() {
        SimulatorState target = loaded;
        if (target == null || target.deployment() == null) {
            return;
        }
        calls.call("Cannot inject the fault", c -> c.injectFault(target.deployment(), target.canaryVersion()),
                this::reload);
    }

    /** Applies a snapshot whose profiles the fields must show even though the rollout is the same. */
    private void reload(ConsoleSnapshot snapshot) {
        loaded = null;
        calls.apply(snapshot);
    }

    /** Writable: the rate choice binds to it. */
    public ObjectProperty<Double> rateProperty() {
        return rate;
    }

    /** Writable: the time-scale choice binds to it. */
    public ObjectProperty<Double> timeScaleProperty() {
        return timeScale;
    }

    public ProfileFields stable() {
        return stable;
    }

    public ProfileFields canary() {
        return canary;
    }

    public ReadOnlyStringProperty stableLabelProperty() {
        return stableLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty canaryLabelProperty() {
        return canaryLabel.getReadOnlyProperty();
    }

    /** The selected rollout is active, so its versions' traffic is simulated and can be changed. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** Why the profiles were not applied; empty when they were. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
