package io.promptdesk.metrics.prometheus;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.metrics.Metric;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.TemplateDialect;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The PromQL behind each health metric, as templates in the python_format dialect with the placeholders
 * {@code {deployment}}, {@code {version}} and {@code {window}} (PromQL's own braces doubled: {@code {{ }}}). They are
 * rendered, never evaluated: names are inserted as escaped PromQL string contents, the window as a PromQL duration.
 * <p>
 * The defaults read what the embedded engine exposes ({@code promptdesk_requests_total},
 * {@code promptdesk_engagements_total}, {@code promptdesk_request_latency_seconds}); each deployment may override
 * any of them. {@link #REQUESTS} counts a version's requests in a window; blank, it is not asked. Immutable.
 */
public final class HealthQueries {
    public static final String REQUESTS = "requests";
    private static final Set<String> PLACEHOLDERS = Set.of("deployment", "version", "window");
    private static final String SELECTOR = "deployment=\"{deployment}\",version=\"{version}\"";

    private static final Map<String, String> DEFAULTS = Map.of(
            Metric.ERROR_RATE.key(), "sum(rate(promptdesk_requests_total{{" + SELECTOR + ",outcome=\"error\"}}[{window}]))"
                    + " / sum(rate(promptdesk_requests_total{{" + SELECTOR + "}}[{window}]))",
            Metric.LATENCY_P95.key(), "histogram_quantile(0.95, sum by (le) "
                    + "(rate(promptdesk_request_latency_seconds_bucket{{" + SELECTOR + "}}[{window}])))",
            Metric.ENGAGEMENT_RATE.key(), "sum(rate(promptdesk_engagements_total{{" + SELECTOR + "}}[{window}]))"
                    + " / sum(rate(promptdesk_requests_total{{" + SELECTOR + "}}[{window}]))",
            REQUESTS, "sum(increase(promptdesk_requests_total{{" + SELECTOR + "}}[{window}]))");

    private final Map<String, ParsedTemplate> defaults;
    private final Map<String, Map<String, ParsedTemplate>> byDeployment;

    private HealthQueries(Map<String, ParsedTemplate> defaults, Map<String, Map<String, ParsedTemplate>> byDeployment) {
        this.defaults = defaults;
        this.byDeployment = byDeployment;
    }

    /** The shipped queries for the embedded engine's exposition. */
    public static HealthQueries defaults() {
        Map<String, ParsedTemplate> parsed = new TreeMap<>();
        DEFAULTS.forEach((k, v) -> parsed.put(k, parse(k, v)));
        return new HealthQueries(Collections.unmodifiableMap(parsed), Map.of());
    }

    /** The keys a query can be given for: the metrics' and {@link #REQUESTS}. */
    public static List<String> keys() {
        return List.of(Metric.ERROR_RATE.key(), Metric.LATENCY_P95.key(), Metric.ENGAGEMENT_RATE.key(), REQUESTS);
    }

    /**
     * These queries with {@code promql} for {@code key}: for every deployment when {@code deployment} is null,
     * else for that deployment only.
     *
     * @throws BadInputException when the key is unknown or the template is not valid python_format with only the
     *                           three placeholders
     */
    public HealthQueries with(String deployment, String key, String promql) {
        if (!keys().contains(key)) {
            throw new BadInputException("no health query named '" + key + "': use one of " + keys());
        }
        ParsedTemplate t = parse(key, promql == null ? "" : promql);
        if (deployment == null) {
            Map<String, ParsedTemplate> d = new TreeMap<>(defaults);
            d.put(key, t);
            return new HealthQueries(Collections.unmodifiableMap(d), byDeployment);
        }
        Map<String, Map<String, ParsedTemplate>> all = new TreeMap<>(byDeployment);
        Map<String, ParsedTemplate> own = new TreeMap<>(all.getOrDefault(deployment, Map.of()));
        own.put(key, t);
        all.put(deployment, Collections.unmodifiableMap(own));
        return new HealthQueries(defaults, Collections.unmodifiableMap(all));
    }

    /** The template text used for {@code key} on {@code deployment}. */
    public String source(String deployment, String key) {
        return template(deployment, key).source();
    }

    /** Every deployment's own overrides, as template texts. */
    public Map<String, Map<String, String>> overrides() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        byDeployment.forEach((d, m) -> {
            Map<String, String> texts = new LinkedHashMap<>();
            m.forEach((k, t) -> texts.put(k, t.source()));
            out.put(d, texts);
        });
        return out;
    }

    /** Whether a query is configured for {@code key}: a blank {@link #REQUESTS} query is not asked. */
    public boolean has(String deployment, String key) {
        return !template(deployment, key).source().isBlank();
    }

    /** The PromQL for one version's {@code key} over {@code window}. */
    public String render(String deployment, String key, String version, Duration window) {
        return template(deployment, key).render(Map.of("deployment", escape(deployment), "version", escape(version),
                "window", PromQlDuration.of(window)));
    }

    private ParsedTemplate template(String deployment, String key) {
        ParsedTemplate own = byDeployment.getOrDefault(deployment, Map.of()).get(key);
        ParsedTemplate t = own != null ? own : defaults.get(key);
        if (t == null) {
            throw new BadInputException("no health query named '" + key + "': use one of " + keys());
        }
        return t;
    }

    private static ParsedTemplate parse(String key, String promql) {
        if (promql.isBlank()) {
            if (!key.equals(REQUESTS)) {
                throw new BadInputException("the " + key + " query is empty");
            }
            // No requests query: counts come from the series themselves (see has()).
            return TemplateParser.parse("", TemplateDialect.PYTHON_FORMAT);
        }
        ParsedTemplate t = TemplateParser.parse(promql, TemplateDialect.PYTHON_FORMAT);
        if (!t.isValid()) {
            throw new BadInputException("the " + key + " query is not a valid template: " + t.diagnostics().get(0)
                    .message() + " (write PromQL's braces as {{ and }}; placeholders are {deployment}, {version} "
                    + "and {window})");
        }
        for (String v : t.variables()) {
            if (!PLACEHOLDERS.contains(v)) {
                throw new BadInputException("the " + key + " query uses {" + v + "}: only {deployment}, {version} and "
                        + "{window} are filled in (write PromQL's braces as {{ and }})");
            }
        }
        return t;
    }

    /** The contents of a PromQL double-quoted string: backslash, quote and line breaks escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }
}
