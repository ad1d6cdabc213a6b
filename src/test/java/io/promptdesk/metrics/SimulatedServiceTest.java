package io.promptdesk.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatedServiceTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static SimulatedService service(long seed) {
        SimulatedService s = new SimulatedService(new SimulatedClock(T0), seed);
        s.route("hooks", "1", "2", 10);
        s.setRate("hooks", 1000);
        return s;
    }

    @Test
    void theSameSeedServesTheSameRequests() {
        SimulatedService a = service(7);
        SimulatedService b = service(7);
        a.advance(Duration.ofSeconds(30));
        b.advance(Duration.ofSeconds(10));
        b.advance(Duration.ofSeconds(20));
        assertThat(a.counters()).isEqualTo(b.counters());
        assertThat(a.samples("hooks", "2", Metric.LATENCY_P95, T0, T0.plusSeconds(30)))
                .isEqualTo(b.samples("hooks", "2", Metric.LATENCY_P95, T0, T0.plusSeconds(30)));
        SimulatedService c = service(8);
        c.advance(Duration.ofSeconds(30));
        assertThat(c.counters()).isNotEqualTo(a.counters());
    }

    @Test
    void trafficFollowsTheRateAndTheSplit() {
        SimulatedService s = service(1);
        assertThat(s.advance(Duration.ofSeconds(100))).isEqualTo(100_000);
        List<VersionCounters> counters = s.counters();
        assertThat(counters).extracting(VersionCounters::version).containsExactly("1", "2");
        assertThat(counters.get(1).requests()).isCloseTo(10_000, within(400L));
        assertThat(counters.get(0).requests() + counters.get(1).requests()).isEqualTo(100_000);
        s.route("hooks", "1", "2", 50);
        s.advance(Duration.ofSeconds(100));
        assertThat(s.samples("hooks", "2", Metric.ERROR_RATE, T0.plusSeconds(100), T0.plusSeconds(200)).length)
                .isCloseTo(50_000, within(600));
    }

    @Test
    void eachVersionBehavesAsItsProfile() {
        SimulatedService s = service(2);
        s.setProfile("hooks", "1", new BehaviourProfile(0.1, 0.4, 0.02, 0.5));
        s.route("hooks", "1", null, 0);
        s.advance(Duration.ofSeconds(200));
        Instant end = T0.plusSeconds(200);
        double[] latency = s.samples("hooks", "1", Metric.LATENCY_P95, T0, end);
        assertThat(latency).hasSize(200_000);
        assertThat(Percentiles.of(latency, 50)).isCloseTo(0.1, within(0.003));
        assertThat(Percentiles.of(latency, 95)).isCloseTo(0.4, within(0.015));
        assertThat(Percentiles.mean(s.samples("hooks", "1", Metric.ERROR_RATE, T0, end))).isCloseTo(0.02, within(0.002));
        // Only successful requests can be engaged with.
        assertThat(Percentiles.mean(s.samples("hooks", "1", Metric.ENGAGEMENT_RATE, T0, end)))
                .isCloseTo(0.98 * 0.5, within(0.005));
    }

    @Test
    void anInjectedFaultChangesOnlyTheRequestsFromThenOn() {
        SimulatedService s = service(3);
        s.route("hooks", "1", "2", 50);
        s.advance(Duration.ofSeconds(60));
        s.injectFault("hooks", "2", 3, 0.08);
        s.advance(Duration.ofSeconds(60));
        Instant mid = T0.plusSeconds(60);
        double[] before = s.samples("hooks", "2", Metric.LATENCY_P95, T0, mid);
        double[] after = s.samples("hooks", "2", Metric.LATENCY_P95, mid, mid.plusSeconds(60));
        assertThat(Percentiles.of(before, 50)).isCloseTo(0.2, within(0.01));
        assertThat(Percentiles.of(after, 50)).isCloseTo(0.6, within(0.03));
        assertThat(Percentiles.mean(s.samples("hooks", "2", Metric.ERROR_RATE, mid, mid.plusSeconds(60))))
                .isCloseTo(0.08, within(0.01));
        assertThat(Percentiles.mean(s.samples("hooks", "1", Metric.ERROR_RATE, mid, mid.plusSeconds(60))))
                .isCloseTo(0.01, within(0.005));
        assertThat(s.profile("hooks", "2").latencyMedianSeconds()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void aWindowHoldsExactlyItsRequests() {
        SimulatedService s = new SimulatedService(new SimulatedClock(T0), 4);
        s.route("d", TrafficSplit.stableOnly("1"));
        s.setRate("d", 10);
        s.advance(Duration.ofSeconds(10));
        assertThat(s.samples("d", "1", Metric.ERROR_RATE, T0, T0.plusSeconds(10))).hasSize(100);
        assertThat(s.samples("d", "1", Metric.ERROR_RATE, T0.plusMillis(2050), T0.plusMillis(4050))).hasSize(20);
        assertThat(s.samples("d", "1", Metric.ERROR_RATE, T0.plusSeconds(10), T0.plusSeconds(20))).isEmpty();
        assertThat(s.samples("d", "other", Metric.ERROR_RATE, T0, T0.plusSeconds(10))).isEmpty();
        assertThat(s.samples("nobody", "1", Metric.ERROR_RATE, T0, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void oldSamplesAreDroppedButCountersKept() {
        SimulatedService s = new SimulatedService(new SimulatedClock(T0), 5, Duration.ofMinutes(1));
        s.route("d", TrafficSplit.stableOnly("1"));
        s.advance(Duration.ofMinutes(3));
        assertThat(s.samples("d", "1", Metric.ERROR_RATE, T0, T0.plusSeconds(110))).isEmpty();
        assertThat(s.samples("d", "1", Metric.ERROR_RATE, T0.plusSeconds(120), T0.plusSeconds(180))).hasSize(3000);
        assertThat(s.counters().get(0).requests()).isEqualTo(9000);
    }

    @Test
    void catchUpFollowsTheClock() {
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedService s = new SimulatedService(clock, 6);
        s.route("d", TrafficSplit.stableOnly("1"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(s.catchUp()).isEqualTo(100);
        assertThat(s.now()).isEqualTo(T0.plusSeconds(2));
        assertThat(s.catchUp()).isZero();
    }

    @Test
    void aSeriesSummarisesEachStep() {
        SimulatedService s = new SimulatedService(new SimulatedClock(T0), 9);
        s.route("d", TrafficSplit.stableOnly("1"));
        s.setRate("d", 100);
        s.advance(Duration.ofSeconds(60));
        s.injectFault("d", "1", 3, 0.5);
        s.advance(Duration.ofSeconds(60));
        List<MetricPoint> points = s.series("d", "1", T0, T0.plusSeconds(120), Duration.ofSeconds(60));
        assertThat(points).extracting(MetricPoint::requests).containsExactly(6000L, 6000L);
        assertThat(points.get(0).errorRate()).isCloseTo(0.01, within(0.005));
        assertThat(points.get(1).errorRate()).isCloseTo(0.5, within(0.03));
        assertThat(points.get(1).latencyP95()).isCloseTo(1.5, within(0.15));
    }

    @Test
    void aScaledClockRunsFasterAndContinuesAcrossRestarts() {
        SimulatedClock real = new SimulatedClock(T0);
        Instant scaledOrigin = Instant.parse("2030-01-01T00:00:00Z");
        ScaledClock clock = new ScaledClock(real, T0, scaledOrigin, 60);
        real.advance(Duration.ofSeconds(5));
        assertThat(clock.instant()).isEqualTo(scaledOrigin.plus(Duration.ofMinutes(5)));
        ScaledClock restarted = new ScaledClock(real, T0, scaledOrigin, 60);
        assertThat(restarted.instant()).isEqualTo(clock.instant());
        assertThat(clock.baseDuration(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(5));
    }
}
