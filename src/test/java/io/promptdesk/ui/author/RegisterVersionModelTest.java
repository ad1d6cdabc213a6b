package io.promptdesk.ui.author;

import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.Workspace;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Register as new version" on the workspace's real registry, without a toolkit. */
class RegisterVersionModelTest {
    @TempDir
    Path dir;
    private Database db;
    private ModelRegistry registry;
    private FakeDialogService dialogs;
    private AuthorViewModel author;
    private RegisterVersionModel registration;

    @BeforeEach
    void setUp() throws IOException {
        AuthorFixture.workspace(dir);
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db),
                Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
        dialogs = new FakeDialogService();
        SameThreadRunner runner = SameThreadRunner.immediate();
        author = AuthorFixture.viewModel(dir, runner, dialogs);
        author.start();
        author.openTemplate(dir.resolve("greeting.prompt"));
        registration = new RegisterVersionModel(author, registry, runner, dialogs, "ana");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aVersionWhoseLastRunFailedNeedsAReasonRecordedWithIt() {
        author.runTests();
        dialogs.textAnswers.add(Optional.of("1.0"));
        dialogs.textAnswers.add(Optional.of("  "));
        registration.register();
        assertThat(registry.find("greeting", "1.0")).isEmpty();
        assertThat(dialogs.last().title()).isEqualTo("Not registered");

        dialogs.textAnswers.add(Optional.of("1.0"));
        dialogs.textAnswers.add(Optional.of("case 2 lacks a name on purpose: a known gap of the test data"));
        registration.register();
        ModelVersion v = registry.get("greeting", "1.0");
        assertThat(v.tags()).containsEntry(RegisterVersionModel.FAILED_TESTS_REASON_TAG,
                "case 2 lacks a name on purpose: a known gap of the test data");
        assertThat(registry.history("greeting")).anyMatch(e -> e.reason() != null
                && e.reason().contains("although its last test run failed: case 2 lacks a name"));
        assertThat(dialogs.shown).filteredOn(s -> s.title().equals("Register a version whose tests failed"))
                .allSatisfy(s -> assertThat(s.message()).contains("1 of 3 case(s) failed")
                        .contains("Pipeline refuses"));
    }

    @Test
    void theFirstVersionOfAModelBecomesItsProductionVersionWithItsLastTestReport() {
        author.runTests();
        dialogs.textAnswers.add(Optional.of("1.0"));
        dialogs.textAnswers.add(Optional.of("the failing case is a known gap of the test data"));

        registration.register();

        ModelVersion v = registry.get("greeting", "1.0");
        assertThat(v.status()).isEqualTo(VersionStatus.STABLE);
        assertThat(v.template()).isEqualTo(AuthorFixture.GREETING);
        assertThat(v.createdBy()).isEqualTo("ana");
        assertThat(v.testReport()).contains("\"total_tests\":3").contains("\"failed_tests\":1");
        assertThat(registry.resolve("greeting", ModelRegistry.PRODUCTION)).get().extracting(ModelVersion::version)
                .isEqualTo("1.0");
        assertThat(dialogs.shown).filteredOn(s -> s.title().equals("Register as new version")).singleElement()
                .satisfies(s ->
                assertThat(s.message()).contains("becomes the production version").contains("with its last test "
                        + "report").endsWith("[1.0]"));
        assertThat(dialogs.last().title()).isEqualTo("Registered greeting 1.0");
    }

    @Test
    void laterVersionsAreCandidatesUnderTheSuggestedNextNumber() {
        registration.register();
        author.document().edit(AuthorFixture.GREETING + " Keep it short.");
        author.save();
        dialogs.shown.clear();

        registration.register();

        ModelVersion v = registry.get("greeting", "1.1");
        assertThat(v.status()).isEqualTo(VersionStatus.CANDIDATE);
        assertThat(v.testReport()).as("no run of this text").isNull();
        assertThat(dialogs.shown.get(0).message()).contains("as a candidate").contains("without a test report");
        assertThat(dialogs.last().message()).contains("Rollout workspace");
    }

    @Test
    void thePersonMayNameTheVersionOrCancel() {
        dialogs.textAnswers.add(Optional.of("2025.03"));
        registration.register();
        assertThat(registry.find("greeting", "2025.03")).isPresent();

        dialogs.textAnswers.add(Optional.empty());
        registration.register();
        assertThat(registry.versions("greeting")).hasSize(1);
    }

    @Test
    void onlyASavedTemplateWithoutChangesCanBeRegistered() {
        assertThat(registration.canRegisterProperty().get()).isTrue();
        author.document().edit("changed {tone}");
        assertThat(registration.canRegisterProperty().get()).isFalse();

        dialogs.unsavedAnswers.add(io.promptdesk.ui.common.DialogService.UnsavedChoice.DISCARD);
        author.newTemplate();
        assertThat(author.document().path()).isNull();
        assertThat(author.document().isDirty()).isFalse();
        assertThat(registration.canRegisterProperty().get()).as("never saved").isFalse();
    }

    @Test
    void aVersionTheRegistryRefusesIsShownWithItsReason() {
        registration.register();
        dialogs.textAnswers.add(Optional.of("1.0"));

        registration.register();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot register the version");
            assertThat(e.message()).contains("greeting already has a version 1.0");
            assertThat(e.details()).isNull();
        });
        assertThat(registration.busyProperty().get()).isFalse();
    }
}
