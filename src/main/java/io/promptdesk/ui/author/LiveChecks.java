package io.promptdesk.ui.author;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.model.Finding;
import io.promptdesk.model.PromptValidationException;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.ProgressListener;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;

/**
 * The live preview and rule badges for the selected test case, recomputed whenever the template or the case
 * changes. Checking one case runs all six rules in well under a millisecond, so it stays on the FX thread - once
 * the detectors have loaded their word lists and lexicons, which the first check leaves to a background thread so
 * that the window does not wait for them: the badges follow as soon as the detectors are ready.
 */
public final class LiveChecks {

    private final RuleSettings settings;
    private final BackgroundRunner runner;
    /** The detectors are loaded; until then checks wait for them off the FX thread. */
    private boolean rulesReady;
    private boolean loadingRules;
    /** The latest check asked for while the detectors load. */
    private ParsedTemplate waitingTemplate;
    private Map<String, ?> waitingValues;
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    /** Why there is no preview (syntax errors, a missing variable, no case), or null when there is one. */
    private final ReadOnlyStringWrapper previewProblem = new ReadOnlyStringWrapper();
    private final ObservableList<RuleBadge> badges = FXCollections.observableArrayList();
    private final ObservableList<RuleBadge> badgesView = FXCollections.unmodifiableObservableList(badges);

    public LiveChecks(RuleSettings settings, BackgroundRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    /** Recomputes for {@code template} and the selected case's values ({@code null} when no case is selected). */
    public void update(ParsedTemplate template, Map<String, ?> values) {
        renderPreview(template, values);
        if (!rulesReady) {
            waitingTemplate = template;
            waitingValues = values;
            loadRules();
            return;
        }
        List<Finding> findings = Rules.checkOne(template, values == null ? Map.of() : values, settings);
        List<RuleBadge> now = Rules.ALL_NAMES.stream().map(rule -> RuleBadge.of(rule, findings)).toList();
        if (!badges.equals(now)) {
            badges.setAll(now);
        }
    }

    private void loadRules() {
        if (loadingRules) {
            return;
        }
        loadingRules = true;
        Runnable checkWaiting = () -> {
            rulesReady = true;
            loadingRules = false;
            update(waitingTemplate, waitingValues);
        };
        // A failure to load shows where it belongs: in the check that then runs on the FX thread.
        runner.run((progress, cancelled) -> Rules.resolve(Rules.ALL_NAMES, settings), ProgressListener.NONE,
                rules -> checkWaiting.run(), e -> checkWaiting.run());
    }

    private void renderPreview(ParsedTemplate template, Map<String, ?> values) {
        if (!template.isValid()) {
            preview.set("");
            previewProblem.set("No preview: the template has " + template.diagnostics().size()
                    + " syntax error(s). See Problems.");
            return;
        }
        if (values == null) {
            preview.set(template.variables().isEmpty() ? template.render(Map.of()) : "");
            previewProblem.set(template.variables().isEmpty() ? null : "Add or select a test case to preview.");
            return;
        }
        try {
            preview.set(template.render(values));
            previewProblem.set(null);
        } catch (PromptValidationException e) {
            preview.set("");
            previewProblem.set("No preview: " + e.getMessage() + ".");
        }
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProblemProperty() {
        return previewProblem.getReadOnlyProperty();
    }

    public ObservableList<RuleBadge> badges() {
        return badgesView;
    }
}
