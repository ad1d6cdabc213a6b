package io.promptdesk.store;

import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.RegistryEventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcRegistryHistoryTest {
    @TempDir
    Path dir;

    private static RegistryEvent moved(String model, String from, String to) {
        return new RegistryEvent(model, 0, Instant.ofEpochMilli(1_000), "ana", RegistryEventKind.ALIAS_MOVED, to,
                "production", from, to, "rollback");
    }

    @Test
    void eventsAreNumberedPerRegistryAndModelAndReadBackInOrder() {
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            JdbcRegistryHistory h = new JdbcRegistryHistory(db);
            assertThat(h.append("mlflow:http://a/", moved("m", null, "1")).seq()).isEqualTo(1);
            assertThat(h.append("mlflow:http://a/", moved("m", "1", "2")).seq()).isEqualTo(2);
            assertThat(h.append("mlflow:http://b/", moved("m", null, "7")).seq()).isEqualTo(1);
            assertThat(h.events("mlflow:http://a/", "m")).extracting(RegistryEvent::to).containsExactly("1", "2");
            assertThat(h.events("mlflow:http://a/", "m").get(1)).isEqualTo(new RegistryEvent("m", 2,
                    Instant.ofEpochMilli(1_000), "ana", RegistryEventKind.ALIAS_MOVED, "2", "production", "1", "2",
                    "rollback"));
            assertThat(h.events("mlflow:http://b/", "other")).isEmpty();
        }
    }

    @Test
    void theHistoryCannotBeRewritten() {
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            new JdbcRegistryHistory(db).append("r", moved("m", null, "1"));
            for (String sql : List.of("UPDATE remote_registry_events SET actor = 'x'", "DELETE FROM remote_registry_events")) {
                assertThatThrownBy(() -> db.write(c -> Jdbc.update(c, sql)))
                        .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
            }
        }
    }
}
