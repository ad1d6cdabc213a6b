package io.promptdesk.ui.author;

import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.WorkspaceRuleSettings;
import io.promptdesk.model.BadInputException;
import org.slf4j.LoggerFactory;
import io.promptdesk.model.TemplateDialect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The console's run settings: every rule, the spec's default timeout, no performance thresholds. */
public record TestRequestFactory(RuleSettings settings, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public static TestRequestFactory defaults() {
        return new TestRequestFactory(RuleSettings.defaults(), DEFAULT_TIMEOUT);
    }

    /**
     * The defaults with the workspace's rule settings ({@code validation.profanity_level} in its
     * {@code promptdesk.yaml}); a file the console cannot use leaves the defaults, with a warning in the log.
     */
    public static TestRequestFactory forWorkspace(Path workspace) {
        try {
            return new TestRequestFactory(WorkspaceRuleSettings.of(workspace), DEFAULT_TIMEOUT);
        } catch (BadInputException e) {
            LoggerFactory.getLogger(TestRequestFactory.class).warn("{}; using the default rule settings",
                    e.getMessage());
            return defaults();
        }
    }

    /** @param dialect the forced dialect, or null to let the engine detect it */
    public TestRequest create(String template, TemplateDialect dialect, List<? extends Map<String, ?>> cases) {
        return new TestRequest(template, dialect, cases, List.of("all"), timeout, Map.of(), settings);
    }
}
