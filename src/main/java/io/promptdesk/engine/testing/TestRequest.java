package io.promptdesk.engine.testing;

import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PerformanceMetrics;
import io.promptdesk.model.TemplateDialect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to test: the spec's {@code run_tests} arguments plus the rule settings.
 *
 * @param dialect    the template's dialect, or {@code null} to detect it
 * @param rules      rule names or {@code all}; empty means all
 * @param timeout    the whole run's time limit; cases unfinished by then fail saying so
 * @param thresholds limits on {@code performance_metrics} by name; exceeding one fails the run
 */
public record TestRequest(String template, TemplateDialect dialect, List<? extends Map<String, ?>> cases,
                          List<String> rules, Duration timeout, Map<String, Double> thresholds,
                          RuleSettings settings) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public TestRequest {
        if (template == null) {
            throw new BadInputException("no template given");
        }
        cases = cases == null ? List.of() : cases;
        rules = Rules.normalize(rules);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new BadInputException("timeout must be positive, got " + timeout.toMillis() / 1000.0 + " s");
        }
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        for (String metric : thresholds.keySet()) {
            if (!PerformanceMetrics.NAMES.contains(metric)) {
                throw new BadInputException("unknown performance threshold '" + metric + "': expected one of "
                        + String.join(", ", PerformanceMetrics.NAMES));
            }
            double limit = thresholds.get(metric);
            if (!Double.isFinite(limit) || limit < 0) {
                // A NaN limit compares false with everything: it would switch the gate off without a word.
                throw new BadInputException("performance threshold " + metric + "=" + limit + " is not a limit: give "
                        + "a finite number of zero or more");
            }
        }
        settings = settings == null ? RuleSettings.defaults() : settings;
    }

    public static TestRequest of(String template, List<? extends Map<String, ?>> cases) {
        return new TestRequest(template, null, cases, List.of(Rules.ALL), DEFAULT_TIMEOUT, Map.of(),
                RuleSettings.defaults());
    }

    public TestRequest withCases(List<? extends Map<String, ?>> newCases) {
        return new TestRequest(template, dialect, newCases, rules, timeout, thresholds, settings);
    }
}
