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
    static final ArchRule onlyTheCompositionRootReachesTheStore = noClasses()
            .that().resideInAnyPackage("io.promptdesk.ui..", "io.promptdesk.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.promptdesk.store..")
            .because("app/Engines builds the store's adapters once; the console and the CLI are its callers");

    @ArchTest
    static final ArchRule adaptersDoNotUseEngines = noClasses()
            .that().resideInAnyPackage("io.promptdesk.registry..", "io.promptdesk.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.promptdesk.engine..")
            .because("the registry and metrics adapters sit below the engines; the template kernel they need "
                    + "is io.promptdesk.template");

    @ArchTest
    static final ArchRule theTemplateKernelStandsAlone = noClasses()
            .that().resideInAPackage("io.promptdesk.template..")
            .should().dependOnClassesThat().resideInAnyPackage("io.promptdesk.engine..", "io.promptdesk.store..",
                    "io.promptdesk.registry..", "io.promptdesk.metrics..", "io.promptdesk.app..")
            .because("parsing a template needs nothing but the model");

    @ArchTest
    static final ArchRule noStandardStreamsOutsideCli = noClasses()
            .that().resideOutsideOfPackage("io.promptdesk.cli..")
            .and().doNotHaveFullyQualifiedName("io.promptdesk.Main")
            .should().accessField(System.class, "out")
            .because("stdout carries command output; log through SLF4J");
}
