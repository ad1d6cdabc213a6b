package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.LiveEngines;
import io.promptdesk.model.BadInputException;

import java.util.function.BooleanSupplier;

/** The console's engines as the Connections page sees them: which settings they run on, and a change of them. */
public interface EngineSwitch {

    /** The settings of the engines the console is using now, or null while they are being chosen; never waits. */
    ConnectionSettings inUse();

    /**
     * Uses the engines {@code effective} names from now on; called off the FX thread.
     *
     * @throws io.promptdesk.model.BadInputException when they cannot be used; the engines in use stay
     */
    void use(ConnectionSettings effective);

    /**
     * This switch, refusing a change while {@code busy} says so, e.g. while a rollback is under way: its steps must
     * all go to the registry and router it started on.
     */
    default EngineSwitch refusingWhile(BooleanSupplier busy, String why) {
        EngineSwitch inner = this;
        return new EngineSwitch() {
            @Override
            public ConnectionSettings inUse() {
                return inner.inUse();
            }

            @Override
            public void use(ConnectionSettings effective) {
                if (busy.getAsBoolean()) {
                    throw new BadInputException(why);
                }
                inner.use(effective);
            }
        };
    }

    static EngineSwitch of(LiveEngines engines) {
        return new EngineSwitch() {
            @Override
            public ConnectionSettings inUse() {
                return engines.chosenSettings().orElse(null);
            }

            @Override
            public void use(ConnectionSettings effective) {
                engines.use(effective);
            }
        };
    }
}
