package io.promptdesk;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of STYLE.md: only ui/ knows JavaFX; engines know neither the UI nor the CLI. */
@AnalyzeClasses(packages = "io.promptdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.promptdesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "io.fair_acc..",
                    "org.fxmisc..", "atlantafx..")
            .because("engines, the CLI and CI run without a toolkit");

    @ArchTest
    static final ArchRule enginesKnowNeitherUiNorCli = noClasses()
            .that().resideInAnyPackage("io.promptdesk.engine..", "io.promptdesk.model..", "io.promptdesk.store..",
                    "io.promptdesk.metrics..", "io.promptdesk.registry..", "io.promptdesk.json..",
                    "io.promptdesk.remote..", "io.promptdesk.connections..", "io.promptdesk.routing..",
                    "io.promptdesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("io.promptdesk.ui..", "io.promptdesk.cli..");

    @ArchTest
    static final ArchRule uiDoesNotUseCli = noClasses()
            .that().resideInAPackage("io.promptdesk.ui..")
            .should().dependOnClassesThat().resideInAPackage("io.promptdesk.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noStandardStreamsOutsideCli = noClasses()
            .that().resideOutsideOfPackage("io.promptdesk.cli..")
            .and().doNotHaveFullyQualifiedName("io.promptdesk.Main")
            .should().accessField(System.class, "out")
            .because("stdout carries command output; log through SLF4J");
}
