package io.promptdesk.ui.author;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.model.TemplateDialect;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Author view model without a toolkit: editing, live checks and the case table. */
class AuthorViewModelTest {

    @TempDir
    Path dir;
    private FakeDialogService dialogs;
    private AuthorViewModel vm;

    @BeforeEach
    void open() throws IOException {
        dialogs = new FakeDialogService();
        vm = AuthorFixture.viewModel(AuthorFixture.workspace(dir), SameThreadRunner.immediate(), dialogs);
        vm.start();
    }

    @Test
    void startOpensTheFirstTemplateWithItsCases() {
        assertThat(vm.templates()).extracting(p -> p.getFileName().toString())
                .containsExactly("greeting.prompt", "summary.prompt");
        assertThat(vm.document().path()).isEqualTo(dir.resolve("greeting.prompt"));
        assertThat(vm.document().variables()).containsExactly("tone", "name");
        assertThat(vm.cases().cases()).hasSize(3);
        assertThat(vm.cases().columns()).containsExactly("tone", "name");
        assertThat(vm.cases().selectedProperty().get()).isSameAs(vm.cases().cases().get(0));
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).isEqualTo("greeting.prompt");
    }

    @Test
    void aSyntaxErrorIsListedAtItsPositionAndClearsWhenFixed() {
        vm.document().edit("Hello {name}\nDear {team");

        assertThat(vm.document().problems()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(6);
            assertThat(d.offset()).isEqualTo(18);
        });
        assertThat(vm.document().problemAt(18)).contains("never closed");
        assertThat(vm.document().highlightsProperty().get())
                .contains(new Highlight(18, 19, Highlight.Kind.ERROR, vm.document().problems().get(0).message()));
        assertThat(vm.titleProperty().get()).isEqualTo("greeting.prompt *");

        vm.document().edit("Hello {name}\nDear {team}");

        assertThat(vm.document().problems()).isEmpty();
        assertThat(vm.document().problemAt(18)).isNull();
        assertThat(vm.document().variables()).containsExactly("name", "team");
    }

    @Test
    void switchingTheDialectReparsesTheTemplate() {
        vm.document().edit("Hi {{ name }}, welcome");
        assertThat(vm.document().parsed().dialect()).isEqualTo(TemplateDialect.DOUBLE_BRACE);
        assertThat(vm.document().dialectLabelProperty().get()).isEqualTo("{{ name }} detected");
        assertThat(vm.document().variables()).containsExactly("name");

        vm.document().dialectChoiceProperty().set(DialectChoice.PYTHON_FORMAT);

        assertThat(vm.document().parsed().dialect()).isEqualTo(TemplateDialect.PYTHON_FORMAT);
        assertThat(vm.document().dialectLabelProperty().get()).isEqualTo("{name} forced");
        assertThat(vm.document().variables()).isEmpty();
        assertThat(vm.document().forcedDialect()).isEqualTo(TemplateDialect.PYTHON_FORMAT);
    }

    @Test
    void theVariablesPanelNamesTheCasesLackingAVariable() {
        assertThat(vm.cases().usage()).containsExactly(
                new VariableUsage("tone", List.of()), new VariableUsage("name", List.of(3)));
        assertThat(vm.cases().usage().get(1).describe()).isEqualTo("missing in case 3");

        vm.document().edit(AuthorFixture.GREETING + " Mention {team}.");

        assertThat(vm.cases().columns()).containsExactly("tone", "name", "team");
        assertThat(vm.cases().usage().get(2).missingIn()).containsExactly(1, 2, 3);
    }

    @Test
    void thePreviewRendersTheSelectedCaseOrSaysWhatIsMissing() {
        assertThat(vm.live().previewProperty().get())
                .isEqualTo("Write a warm greeting for Ada, who just joined the team.");
        assertThat(vm.live().previewProblemProperty().get()).isNull();

        vm.cases().select(vm.cases().cases().get(2));

        assertThat(vm.live().previewProperty().get()).isEmpty();
        assertThat(vm.live().previewProblemProperty().get()).contains("missing variable 'name'");

        vm.cases().edit(vm.cases().cases().get(2), "name", "Linus");

        assertThat(vm.live().previewProperty().get()).contains("playful greeting for Linus");
    }

    @Test
    void ruleBadgesFollowTheSelectedCase() {
        assertThat(vm.live().badges()).extracting(RuleBadge::rule)
                .containsExactlyElementsOf(io.promptdesk.engine.validation.Rules.ALL_NAMES);
        assertThat(badge("template_variables").status()).isEqualTo(RuleBadge.Status.PASS);

        vm.cases().select(vm.cases().cases().get(2));

        RuleBadge variables = badge("template_variables");
        assertThat(variables.status()).isEqualTo(RuleBadge.Status.FAIL);
        assertThat(variables.details()).contains("name");

        vm.document().edit("{tone}");
        assertThat(badge("min_length").status()).isEqualTo(RuleBadge.Status.FAIL);
    }

    @Test
    void casesCanBeAddedDuplicatedEditedAndDeleted() {
        TestCase first = vm.cases().cases().get(0);
        TestCase copy = vm.cases().duplicate(first);
        assertThat(vm.cases().cases()).hasSize(4);
        assertThat(vm.cases().numberOf(copy)).isEqualTo(2);
        assertThat(copy.snapshot()).isEqualTo(first.snapshot());
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.cases().edit(copy, "name", "Barbara");
        assertThat(copy.display("name")).isEqualTo("Barbara");
        assertThat(first.display("name")).isEqualTo("Ada");

        vm.addCase();
        TestCase added = vm.cases().selectedProperty().get();
        assertThat(vm.cases().numberOf(added)).isEqualTo(3);
        // One numbering everywhere: the third row is "case 2", as in the results table and the JSON's case_index.
        assertThat(vm.cases().selectedLabel()).isEqualTo("case 2");
        assertThat(added.lacks("tone")).isTrue();
        assertThat(vm.cases().usage().get(0).missingIn()).containsExactly(3);

        vm.deleteSelectedCase();
        assertThat(vm.cases().cases()).hasSize(4).doesNotContain(added);
        assertThat(vm.cases().selectedProperty().get()).isSameAs(vm.cases().cases().get(2));
    }

    @Test
    void numbersFromTheFileKeepTheirTypeUntilEdited() throws IOException {
        java.nio.file.Files.writeString(dir.resolve("count.prompt"), "Count to {n} slowly, please.");
        java.nio.file.Files.writeString(dir.resolve("count.cases.json"), "[{\"n\": 3}]");
        vm.openTemplate(dir.resolve("count.prompt"));

        assertThat(vm.cases().snapshot()).containsExactly(Map.of("n", 3));
        assertThat(vm.cases().cases().get(0).display("n")).isEqualTo("3");
    }

    @Test
    void problemsKeepTheirDiagnosticsFromTheParser() {
        vm.document().edit("{0} and {a.b}");
        assertThat(vm.document().problems()).extracting(Diagnostic::column).containsExactly(1, 9);
    }

    private RuleBadge badge(String rule) {
        return vm.live().badges().stream().filter(b -> b.rule().equals(rule)).findFirst().orElseThrow();
    }
}
