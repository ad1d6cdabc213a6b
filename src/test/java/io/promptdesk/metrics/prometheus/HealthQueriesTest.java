package io.promptdesk.metrics.prometheus;

import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthQueriesTest {
    private final HealthQueries defaults = HealthQueries.defaults();

    @Test
    void theDefaultsReadTheEmbeddedEnginesMetrics() {
        assertThat(defaults.render("hooks", "error_rate", "1.1", Duration.ofSeconds(120))).isEqualTo(
                "sum(rate(promptdesk_requests_total{deployment=\"hooks\",version=\"1.1\",outcome=\"error\"}[120s]))"
                        + " / sum(rate(promptdesk_requests_total{deployment=\"hooks\",version=\"1.1\"}[120s]))");
        assertThat(defaults.render("hooks", "latency_p95", "1.1", Duration.ofMillis(1500))).isEqualTo(
                "histogram_quantile(0.95, sum by (le) (rate(promptdesk_request_latency_seconds_bucket"
                        + "{deployment=\"hooks\",version=\"1.1\"}[1500ms])))");
        assertThat(defaults.render("hooks", "requests", "1.1", Duration.ofMinutes(2)))
                .isEqualTo("sum(increase(promptdesk_requests_total{deployment=\"hooks\",version=\"1.1\"}[120s]))");
    }

    @Test
    void namesAreInsertedAsEscapedStringsNeverAsPromQl() {
        String q = defaults.render("a\"}) or vector(1) #", "engagement_rate", "v\\1", Duration.ofSeconds(60));
        assertThat(q).contains("deployment=\"a\\\"}) or vector(1) #\"").contains("version=\"v\\\\1\"");
    }

    @Test
    void aDeploymentCanHaveItsOwnQueries() {
        HealthQueries q = defaults.with("search", "error_rate",
                "sum(rate(http_errors_total{{app=\"{deployment}\",rev=\"{version}\"}}[{window}]))")
                .with("search", "requests", "");
        assertThat(q.render("search", "error_rate", "7", Duration.ofSeconds(30)))
                .isEqualTo("sum(rate(http_errors_total{app=\"search\",rev=\"7\"}[30s]))");
        assertThat(q.has("search", "requests")).isFalse();
        assertThat(q.has("hooks", "requests")).isTrue();
        assertThat(q.source("hooks", "error_rate")).isEqualTo(defaults.source("hooks", "error_rate"));
        assertThat(q.overrides()).containsOnlyKeys("search");
    }

    @Test
    void aTemplateWithOtherPlaceholdersOrSingleBracesIsRefused() {
        assertThatThrownBy(() -> defaults.with(null, "error_rate", "rate(x{{job=\"{job}\"}}[{window}])"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("uses {job}");
        assertThatThrownBy(() -> defaults.with(null, "latency_p95", "rate(x{job=\"a\"}[5m])"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("write PromQL's braces as {{ and }}");
        assertThatThrownBy(() -> defaults.with(null, "cpu", "up")).hasMessageContaining("no health query named 'cpu'");
        assertThatThrownBy(() -> defaults.with(null, "error_rate", " ")).hasMessageContaining("is empty");
    }
}
