package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSwitchTest {
    @Test
    void aChangeIsRefusedWhileBusyAndAcceptedAfter() {
        RecordingEngines engines = RecordingEngines.embedded();
        AtomicBoolean rollingBack = new AtomicBoolean(true);
        EngineSwitch guarded = engines.refusingWhile(rollingBack::get, "a rollback is running");
        ConnectionSettings prometheus = ConnectionSettings.embedded()
                .withPrometheus(EndpointSettings.of("http://127.0.0.1:9090/"));

        assertThatThrownBy(() -> guarded.use(prometheus)).isInstanceOf(BadInputException.class)
                .hasMessage("a rollback is running");
        assertThat(guarded.inUse()).isEqualTo(ConnectionSettings.embedded());
        assertThat(engines.used()).isEmpty();

        rollingBack.set(false);
        guarded.use(prometheus);

        assertThat(guarded.inUse()).isEqualTo(prometheus);
    }
}
