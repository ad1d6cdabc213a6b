package io.promptdesk.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptValidationException;
import io.promptdesk.model.TemplateDialect;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedModelRegistryTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Attribution ANA = Attribution.of("ana", "first release");

    @TempDir
    Path dir;
    private Database db;
    private ModelRegistry registry;

    @BeforeEach
    void open() {
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void registeringCreatesTheModelAndACandidateVersionWithItsDialectAndReport() throws Exception {
        ModelVersion v = registry.register(new NewVersion("hooks", "1.0.0", "Write a hook about {{ topic }}", null,
                "{\"passed\": true}", VersionStatus.CANDIDATE, Map.of("team", "growth")), ANA);
        assertThat(v.status()).isEqualTo(VersionStatus.CANDIDATE);
        assertThat(v.dialect()).isEqualTo(TemplateDialect.DOUBLE_BRACE);
        assertThat(v.createdBy()).isEqualTo("ana");
        assertThat(v.createdAt()).isEqualTo(T0);
        assertThat(v.tags()).containsEntry("team", "growth");
        assertThat(registry.get("hooks", "1.0.0")).isEqualTo(v);
        assertThat(registry.model("hooks").versionCount()).isEqualTo(1);
        assertThat(registry.history("hooks")).extracting(RegistryEvent::kind).containsExactly(
                RegistryEventKind.MODEL_CREATED, RegistryEventKind.VERSION_REGISTERED, RegistryEventKind.TAG_SET);
        JsonNode json = Json.mapper().readTree(Json.write(v));
        assertThat(json.get("test_report").get("passed").asBoolean()).isTrue();
        assertThat(json.get("created_at").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(json.get("status").asText()).isEqualTo("candidate");
    }

    @Test
    void anInvalidTemplateIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> registry.register(NewVersion.candidate("hooks", "1", "Hi {name"), ANA))
                .isInstanceOf(PromptValidationException.class)
                .hasMessageContaining("line 1, column 4");
        assertThat(registry.models()).isEmpty();
    }

    @Test
    void versionsAreImmutableAndNamesChecked() {
        registry.register(NewVersion.candidate("hooks", "1", "Hi {name}"), ANA);
        assertThatThrownBy(() -> registry.register(NewVersion.candidate("hooks", "1", "Hello {name}"), ANA))
                .isInstanceOf(RegistryException.class).hasMessageContaining("already has a version 1");
        assertThatThrownBy(() -> registry.register(NewVersion.candidate("bad name", "1", "x"), ANA))
                .isInstanceOf(RegistryException.class).hasMessageContaining("invalid model name");
        assertThatThrownBy(() -> registry.register(new NewVersion("hooks", "2", "x", null, "{not json", null,
                Map.of()), ANA)).isInstanceOf(BadInputException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> registry.get("hooks", "9"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("its versions are: 1");
        assertThatThrownBy(() -> registry.get("nope", "1"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("no model named nope");
    }

    @Test
    void registeringAsStableMakesItProductionAndRetiresTheOldOne() {
        registry.register(new NewVersion("hooks", "1", "Hi {name}", null, null, VersionStatus.STABLE, Map.of()), ANA);
        assertThat(registry.resolve("hooks", ModelRegistry.PRODUCTION)).get()
                .extracting(ModelVersion::version).isEqualTo("1");
        registry.register(new NewVersion("hooks", "2", "Hey {name}", null, null, VersionStatus.STABLE, Map.of()), ANA);
        assertThat(registry.resolve("hooks", ModelRegistry.PRODUCTION).orElseThrow().version()).isEqualTo("2");
        assertThat(registry.resolve("hooks", ModelRegistry.PREVIOUS).orElseThrow().version()).isEqualTo("1");
        assertThat(registry.get("hooks", "1").status()).isEqualTo(VersionStatus.DEPRECATED);
        assertThat(registry.get("hooks", "2").status()).isEqualTo(VersionStatus.STABLE);
    }

    @Test
    void everyAliasMoveAndStatusChangeIsRecordedOnceWithWhoAndWhy() {
        registry.register(NewVersion.candidate("hooks", "1", "Hi {name}"), ANA);
        registry.register(NewVersion.candidate("hooks", "2", "Hey {name}"), ANA);
        Attribution bob = Attribution.of("bob", "canary test");
        registry.setAlias("hooks", ModelRegistry.CANARY, "1", bob);
        registry.setAlias("hooks", ModelRegistry.CANARY, "2", bob);
        registry.setAlias("hooks", ModelRegistry.CANARY, "2", bob);
        registry.setStatus("hooks", "2", VersionStatus.CANARY, bob);
        registry.setStatus("hooks", "2", VersionStatus.CANARY, bob);
        registry.removeAlias("hooks", ModelRegistry.CANARY, bob);
        registry.removeAlias("hooks", ModelRegistry.CANARY, bob);
        var events = registry.history("hooks").stream().filter(e -> e.actor().equals("bob")).toList();
        assertThat(events).extracting(e -> e.kind() + " " + e.name() + " " + e.from() + "->" + e.to())
                .containsExactly("ALIAS_MOVED canary null->1", "ALIAS_MOVED canary 1->2",
                        "STATUS_CHANGED null candidate->canary", "ALIAS_REMOVED canary 2->null");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.reason()).isEqualTo("canary test");
            assertThat(e.at()).isEqualTo(T0);
        });
        assertThat(registry.history("hooks")).extracting(RegistryEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(registry.model("hooks").aliases()).isEmpty();
    }

    @Test
    void anAliasMustPointAtAnExistingVersion() {
        registry.register(NewVersion.candidate("hooks", "1", "Hi {name}"), ANA);
        assertThatThrownBy(() -> registry.setAlias("hooks", "production", "7", ANA))
                .isInstanceOf(RegistryException.class).hasMessageContaining("no version 7");
        assertThatThrownBy(() -> registry.setAlias("hooks", "Prod Alias", "1", ANA))
                .isInstanceOf(RegistryException.class).hasMessageContaining("invalid alias");
        assertThatThrownBy(() -> Attribution.of(" ", "x")).isInstanceOf(BadInputException.class);
    }

    @Test
    void theRegistrySurvivesReopening() {
        registry.register(NewVersion.candidate("hooks", "1", "Hi {name}"), ANA);
        registry.setAlias("hooks", "production", "1", ANA);
        db.close();
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), Clock.systemUTC());
        assertThat(registry.models()).extracting(Model::name).containsExactly("hooks");
        assertThat(registry.model("hooks").aliases()).containsEntry("production", "1");
        assertThat(registry.versions("hooks")).extracting(ModelVersion::template).containsExactly("Hi {name}");
    }
}
