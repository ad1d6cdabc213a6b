package io.promptdesk.ui.author;

import io.promptdesk.ui.common.DialogService.UnsavedChoice;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** New, open, save, save as, recent files, import/export and the unsaved-changes prompt. */
class AuthorFilesTest {

    @TempDir
    Path dir;
    private final FakeDialogService dialogs = new FakeDialogService();
    private AuthorViewModel vm;
    private Path greeting;
    private Path summary;

    @BeforeEach
    void open() throws IOException {
        vm = AuthorFixture.viewModel(AuthorFixture.workspace(dir), SameThreadRunner.immediate(), dialogs);
        vm.start();
        greeting = dir.resolve("greeting.prompt");
        summary = dir.resolve("summary.prompt");
    }

    @Test
    void saveWritesTemplateAndCasesAndClearsTheUnsavedMark() throws IOException {
        vm.document().edit("Write a {tone} note for {name}.");
        vm.cases().edit(vm.cases().cases().get(2), "name", "Linus");

        assertThat(vm.save()).isTrue();

        assertThat(Files.readString(greeting)).isEqualTo("Write a {tone} note for {name}.");
        assertThat(Files.readString(dir.resolve("greeting.cases.json"))).contains("Linus");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Saved greeting.prompt");
    }

    @Test
    void aNewTemplateIsSavedWhereTheChooserSaysWithTheTemplateExtension() throws IOException {
        vm.newTemplate();
        assertThat(vm.titleProperty().get()).isEqualTo(TemplateDocument.UNTITLED);
        vm.document().edit("Translate {text} into {language}.");
        vm.addCase();
        vm.cases().edit(vm.cases().selectedProperty().get(), "text", "Guten Morgen");

        dialogs.fileAnswers.add(dir.resolve("translate"));
        assertThat(vm.save()).isTrue();

        assertThat(Files.readString(dir.resolve("translate.prompt"))).isEqualTo("Translate {text} into {language}.");
        assertThat(Files.readString(dir.resolve("translate.cases.json"))).contains("Guten Morgen");
        assertThat(vm.templates()).contains(dir.resolve("translate.prompt"));
        assertThat(vm.document().path()).isEqualTo(dir.resolve("translate.prompt"));
    }

    @Test
    void cancellingTheSaveChooserSavesNothing() {
        vm.newTemplate();
        vm.document().edit("Hello {name}, welcome aboard.");

        assertThat(vm.save()).isFalse();

        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void switchingTemplatesWithUnsavedChangesAsksFirst() throws IOException {
        vm.document().edit("changed {tone} {name}");

        dialogs.unsavedAnswers.add(UnsavedChoice.CANCEL);
        assertThat(vm.openTemplate(summary)).isFalse();
        assertThat(vm.document().path()).isEqualTo(greeting);
        assertThat(vm.document().text()).isEqualTo("changed {tone} {name}");

        dialogs.unsavedAnswers.add(UnsavedChoice.DISCARD);
        assertThat(vm.openTemplate(summary)).isTrue();
        assertThat(vm.document().path()).isEqualTo(summary);
        assertThat(Files.readString(greeting)).isEqualTo(AuthorFixture.GREETING);
        assertThat(dialogs.unsavedQuestions).isEqualTo(2);
    }

    @Test
    void choosingSaveAtThePromptSavesThenSwitches() throws IOException {
        vm.document().edit("changed {tone} {name}");
        dialogs.unsavedAnswers.add(UnsavedChoice.SAVE);

        assertThat(vm.openTemplate(summary)).isTrue();

        assertThat(Files.readString(greeting)).isEqualTo("changed {tone} {name}");
        assertThat(vm.document().path()).isEqualTo(summary);
    }

    @Test
    void closingWithoutChangesDoesNotAsk() {
        assertThat(vm.confirmLeave()).isTrue();
        assertThat(dialogs.unsavedQuestions).isZero();
    }

    @Test
    void openedFilesAreRememberedAcrossSessionsNewestFirst() {
        vm.openTemplate(summary);

        AuthorViewModel later = AuthorFixture.viewModel(dir, SameThreadRunner.immediate(), new FakeDialogService());
        later.start();

        assertThat(later.recentFiles()).containsExactly(greeting, summary);
        assertThat(vm.recentFiles()).containsExactly(summary, greeting);
    }

    @Test
    void casesExportedAsCsvImportBackIntoTheTable() {
        Path csv = dir.resolve("out.csv");
        dialogs.fileAnswers.add(csv);
        vm.exportCases();
        assertThat(csv).exists();

        vm.openTemplate(summary);
        dialogs.fileAnswers.add(csv);
        vm.importCases();

        assertThat(vm.cases().cases()).hasSize(3);
        assertThat(vm.cases().columns()).containsExactly("text", "reader", "tone", "name");
        assertThat(vm.cases().snapshot().get(0)).containsEntry("tone", "warm").containsEntry("name", "Ada");
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void anUnreadableCaseFileIsReportedWithItsProblem() throws IOException {
        Files.writeString(dir.resolve("broken.prompt"), "Say {what}.");
        Files.writeString(dir.resolve("broken.cases.json"), "[{\"what\": \"hi\"},");

        assertThat(vm.openTemplate(dir.resolve("broken.prompt"))).isFalse();

        FakeDialogService.Shown error = dialogs.errors().get(0);
        assertThat(error.title()).isEqualTo("Cannot open broken.prompt");
        assertThat(error.message()).contains("broken.cases.json");
        assertThat(error.details()).isNull();
        assertThat(vm.document().path()).isEqualTo(greeting);
    }

    @Test
    void anEmptyWorkspaceStartsWithANewTemplate(@TempDir Path empty) {
        AuthorViewModel fresh = AuthorFixture.viewModel(empty, SameThreadRunner.immediate(), dialogs);
        fresh.start();

        assertThat(fresh.document().path()).isNull();
        assertThat(fresh.cases().cases()).isEmpty();
        // An empty template is not a prompt: the Problems list says so until something is written.
        assertThat(fresh.live().previewProblemProperty().get()).contains("See Problems");
        assertThat(fresh.cases().snapshot()).isEqualTo(List.<Map<String, Object>>of());
    }
}
