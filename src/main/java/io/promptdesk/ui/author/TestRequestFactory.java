package io.promptdesk.ui.author;

import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.model.TemplateDialect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The console's run settings: every rule, the spec's default timeout, no performance thresholds. */
public record TestRequestFactory(RuleSettings settings, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public static TestRequestFactory defaults() {
        return new TestRequestFactory(RuleSettings.defaults(), DEFAULT_TIMEOUT);
    }

    /** @param dialect the forced dialect, or null to let the engine detect it */
    public TestRequest create(String template, TemplateDialect dialect, List<? extends Map<String, ?>> cases) {
        return new TestRequest(template, dialect, cases, List.of("all"), timeout, Map.of(), settings);
    }
}
