package io.promptdesk.engine.rollback;

import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** A hung metrics source cannot hold up a rollback's switch: the pre-rollback read has a budget of its own. */
class RollbackHungMetricsTest {
    @TempDir
    Path dir;

    @Test
    void aHungMetricsSourceIsRecordedAsUnknownAndTheSwitchGoesAhead() {
        CountDownLatch never = new CountDownLatch(1);
        MetricsSource hung = new MetricsSource() {
            @Override
            public double[] samples(String d, String v, io.promptdesk.metrics.Metric m, java.time.Instant from,
                                    java.time.Instant to) {
                return observe(d, v, m, from, to).points();
            }

            @Override
            public Observation observe(String d, String v, io.promptdesk.metrics.Metric m, java.time.Instant from,
                                       java.time.Instant to) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("released");
            }
        };
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks").withMetrics(hung)) {
            RollbackController c = f.controller(RollbackSettings.defaults()
                    .withPreHealthBudget(Duration.ofMillis(50)));
            RollbackResult r = c.triggerRollback("hooks", "1.1", null, "errors", "oncall", false);
            assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
            assertThat(f.production("hooks")).isEqualTo("1.0");
            assertThat(r.healthCheckResults().postRollback().summary()).contains("health unknown");
            assertThat(r.healthCheckResults().preRollback().state()).isEqualTo(HealthState.NO_DATA);
            assertThat(r.healthCheckResults().preRollback().summary()).contains("health unknown")
                    .contains("did not answer within 50 ms");
        } finally {
            never.countDown();
        }
    }
}
