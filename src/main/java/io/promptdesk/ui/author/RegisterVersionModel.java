package io.promptdesk.ui.author;

import io.promptdesk.app.Permissions;
import io.promptdesk.json.Json;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.model.TestReport;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.ProgressListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Register as new version": the saved template (with the report of its last full test run, if the text has not
 * changed since) becomes a new version of the model named after the template, under a suggested next version
 * number the person may change. A model's first version becomes its production version, so later ones can be
 * rolled out against it; later ones are candidates. Registry work runs off the FX thread.
 */
public final class RegisterVersionModel {
    private final TemplateDocument document;
    private final ModelRegistry registry;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final String actor;
    private final Permissions permissions;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canRegister;
    private TestReport report;
    private String reportedText;

    public RegisterVersionModel(AuthorViewModel author, ModelRegistry registry, BackgroundRunner runner,
                                DialogService dialogs, String actor) {
        this(author, registry, runner, dialogs, actor, Permissions.everything(actor));
    }

    /** @param permissions what the person may do: registering needs the author role */
    public RegisterVersionModel(AuthorViewModel author, ModelRegistry registry, BackgroundRunner runner,
                                DialogService dialogs, String actor, Permissions permissions) {
        this.permissions = permissions;
        this.document = author.document();
        this.registry = registry;
        this.runner = runner;
        this.dialogs = dialogs;
        this.actor = actor;
        boolean permitted = permissions.may(GuardedAction.REGISTER_VERSION);
        canRegister = document.pathProperty().isNotNull().and(document.dirtyProperty().not()).and(busy.not())
                .and(Bindings.createBooleanBinding(() -> permitted));
        author.run().lastReportProperty().addListener((obs, old, now) -> {
            report = now;
            reportedText = now == null ? null : document.text();
        });
    }

    /** Asks for the version (suggesting the next one), then registers it. */
    public void register() {
        if (!canRegister.get()) {
            return;
        }
        String model = VersionNames.modelName(document.path());
        String template = document.text();
        TestReport tested = report != null && template.equals(reportedText) ? report : null;
        String reportJson = tested != null ? Json.write(tested) : null;
        busy.set(true);
        runner.run((progress, cancelled) -> existing(model), ProgressListener.NONE, known -> {
            busy.set(false);
            boolean first = !known.hasProduction();
            String question = "Register " + document.nameProperty().get() + " as a new version of " + model
                    + (first ? " - its first, so it becomes the production version" : " - as a candidate to roll out")
                    + (reportJson != null ? ", with its last test report" : ", without a test report (none for "
                    + "this text)");
            Optional<String> version = dialogs.askText("Register as new version", question,
                    VersionNames.next(known.versions()));
            if (version.isEmpty()) {
                return;
            }
            Map<String, String> tags = Map.of();
            String why = "registered from the Author workspace";
            if (tested != null && !tested.passed()) {
                // The Pipeline refuses a template whose tests fail; a person may still register it, saying why.
                Optional<String> reason = dialogs.askText("Register a version whose tests failed",
                        "The last test run of this text failed (" + tested.failedTests() + " of "
                                + tested.totalTests() + " case(s) failed" + failedRules(tested) + "). The Pipeline "
                                + "refuses such a template. Why register it anyway? The reason is recorded with the "
                                + "version.", "").map(String::strip);
                if (reason.isEmpty() || reason.get().isEmpty()) {
                    dialogs.notify(DialogService.Outcome.WARNING, "Not registered",
                            model + " " + version.get() + " was not registered: its tests failed and no reason "
                                    + "was given");
                    return;
                }
                tags = Map.of(FAILED_TESTS_REASON_TAG, reason.get());
                why = "registered from the Author workspace although its last test run failed: " + reason.get();
            }
            store(new NewVersion(model, version.get(), template, null, reportJson,
                    first ? VersionStatus.STABLE : VersionStatus.CANDIDATE, tags), why);
        }, this::failed);
    }

    /** The tag a version registered despite failed tests carries, with the reason given. */
    public static final String FAILED_TESTS_REASON_TAG = "promptdesk.registered_with_failed_tests";

    private static String failedRules(TestReport r) {
        List<String> rules = r.validationResults().entrySet().stream().filter(e -> !e.getValue().passed())
                .map(Map.Entry::getKey).toList();
        return rules.isEmpty() ? "" : "; rules failing: " + String.join(", ", rules);
    }

    /** The model's versions, oldest first, and whether one of them is in production. */
    private Existing existing(String model) {
        return registry.models().stream().filter(m -> m.name().equals(model)).findFirst()
                .map(m -> new Existing(registry.versions(model).stream().map(ModelVersion::version).toList(),
                        m.aliases().containsKey(ModelRegistry.PRODUCTION)))
                .orElse(new Existing(List.of(), false));
    }

    private record Existing(List<String> versions, boolean hasProduction) {
    }

    private void store(NewVersion request, String why) {
        busy.set(true);
        runner.run((progress, cancelled) -> {
            permissions.require(GuardedAction.REGISTER_VERSION, request.model());
            if (request.status() == VersionStatus.STABLE) {
                // The first version of a model becomes production at once: that is a release.
                permissions.require(GuardedAction.SET_ALIAS, request.model());
            }
            return registry.register(request, Attribution.of(actor, why));
        },
                ProgressListener.NONE, v -> {
            busy.set(false);
            dialogs.notify(DialogService.Outcome.SUCCESS, "Registered " + v.model() + " " + v.version(),
                    v.status() == VersionStatus.STABLE ? "It is the production version of " + v.model()
                            : "A candidate: start its rollout in the Rollout workspace");
        }, this::failed);
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        dialogs.showError("Cannot register the version", e.getMessage(), e instanceof PromptDeskException ? null : e);
    }

    /** Enabled for a saved template without unsaved changes, while no registration is under way. */
    /** Null when the person may register; else what the disabled button says. */
    public String whyNot() {
        return permissions.whyNot(GuardedAction.REGISTER_VERSION);
    }

    public BooleanBinding canRegisterProperty() {
        return canRegister;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
