package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.model.BadInputException;

import java.util.ArrayList;
import java.util.List;

/** Engines that only remember the settings they were switched to, or refuse them with a reason. */
public final class RecordingEngines implements EngineSwitch {
    private volatile ConnectionSettings inUse;
    private final List<ConnectionSettings> used = new ArrayList<>();
    private volatile String refusal;

    public RecordingEngines(ConnectionSettings initial) {
        this.inUse = initial;
    }

    public static RecordingEngines embedded() {
        return new RecordingEngines(ConnectionSettings.embedded());
    }

    /** Every later change is refused with {@code reason}. */
    public void refuse(String reason) {
        refusal = reason;
    }

    public synchronized List<ConnectionSettings> used() {
        return List.copyOf(used);
    }

    @Override
    public ConnectionSettings inUse() {
        return inUse;
    }

    @Override
    public synchronized void use(ConnectionSettings effective) {
        if (refusal != null) {
            throw new BadInputException(refusal);
        }
        used.add(effective);
        inUse = effective;
    }
}
