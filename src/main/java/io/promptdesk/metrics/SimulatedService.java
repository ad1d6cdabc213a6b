package io.promptdesk.metrics;

import io.promptdesk.model.BadInputException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The embedded metrics engine: a simulated service that serves synthetic requests for each routed deployment at
 * a configurable rate, split between its stable and canary version, each version behaving as its
 * {@link BehaviourProfile} says. Time is simulated: {@link #advance(Duration)} generates the requests of that
 * interval at once, so tests and demos run as fast as the machine allows and the same seed gives the same requests.
 * Thread-safe: every method is serialised on the instance.
 */
public final class SimulatedService implements MetricsSource {
    public static final double DEFAULT_RATE = 50;
    /** The fault the console's "inject fault" button (and the demo) gives a canary: this many times slower ... */
    public static final double DEMO_FAULT_LATENCY_FACTOR = 3;
    /** ... and failing this share of its requests. */
    public static final double DEMO_FAULT_ERROR_RATE = 0.08;
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(15);

    private final Clock clock;
    private final long seed;
    private final long retentionMillis;
    private final Map<String, DeploymentSim> deployments = new TreeMap<>();
    private double defaultRate = DEFAULT_RATE;
    private long generatedUntilMillis;

    public SimulatedService(Clock clock, long seed) {
        this(clock, seed, DEFAULT_RETENTION);
    }

    /**
     * @param clock     where simulated time starts, and what {@link #catchUp()} catches up with
     * @param retention how long per-request samples are kept for health checks; counters are kept for ever
     */
    public SimulatedService(Clock clock, long seed, Duration retention) {
        this.clock = clock;
        this.seed = seed;
        this.retentionMillis = retention.toMillis();
        this.generatedUntilMillis = clock.millis();
    }

    /** Sends {@code split} of the deployment's traffic from now on; starts simulating it if it is new. */
    public synchronized void route(String deployment, TrafficSplit split) {
        deployment(deployment).split = split;
    }

    /** The rollout manager's view: stable, canary and the canary's share. */
    public void route(String deployment, String stableVersion, String canaryVersion, int canaryPercent) {
        route(deployment, canaryVersion == null || canaryPercent == 0 ? TrafficSplit.stableOnly(stableVersion)
                : new TrafficSplit(stableVersion, canaryVersion, canaryPercent));
    }

    public synchronized Optional<TrafficSplit> split(String deployment) {
        DeploymentSim d = deployments.get(deployment);
        return d == null ? Optional.empty() : Optional.ofNullable(d.split);
    }

    /** Requests per simulated second for a deployment. */
    public synchronized void setRate(String deployment, double requestsPerSecond) {
        deployment(deployment).rate = checkRate(requestsPerSecond);
    }

    /** Requests per simulated second for deployments without their own rate. */
    public synchronized void setDefaultRate(double requestsPerSecond) {
        double rate = checkRate(requestsPerSecond);
        deployments.values().stream().filter(d -> d.rate == defaultRate).forEach(d -> d.rate = rate);
        defaultRate = rate;
    }

    public synchronized double rate(String deployment) {
        DeploymentSim d = deployments.get(deployment);
        return d == null ? defaultRate : d.rate;
    }

    public synchronized void setProfile(String deployment, String version, BehaviourProfile profile) {
        deployment(deployment).version(version).profile(profile);
    }

    public synchronized BehaviourProfile profile(String deployment, String version) {
        return deployment(deployment).version(version).profile;
    }

    /** From now on the version is {@code latencyFactor} times slower and fails {@code errorRate} of its requests. */
    public synchronized void injectFault(String deployment, String version, double latencyFactor, double errorRate) {
        VersionSim v = deployment(deployment).version(version);
        v.profile(v.profile.withFault(latencyFactor, errorRate));
    }

    /** The end of simulated time so far. */
    public synchronized Instant now() {
        return Instant.ofEpochMilli(generatedUntilMillis);
    }

    /** Generates the requests of the next {@code interval} of simulated time; returns how many. */
    public synchronized long advance(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("simulated time does not run backwards: " + interval);
        }
        return generateUntil(generatedUntilMillis + interval.toMillis());
    }

    /** Generates the requests up to the clock's present; returns how many. */
    public synchronized long catchUp() {
        return generateUntil(Math.max(generatedUntilMillis, clock.millis()));
    }

    private long generateUntil(long endMillis) {
        long count = 0;
        for (DeploymentSim d : deployments.values()) {
            count += d.generate(endMillis);
        }
        generatedUntilMillis = endMillis;
        long horizon = endMillis - retentionMillis;
        for (DeploymentSim d : deployments.values()) {
            d.versions.values().forEach(v -> v.log.dropBefore(horizon));
        }
        return count;
    }

    @Override
    public synchronized double[] samples(String deployment, String version, Metric metric, Instant from,
                                         Instant to) {
        DeploymentSim d = deployments.get(deployment);
        VersionSim v = d == null ? null : d.versions.get(version);
        return v == null ? new double[0] : v.log.samples(metric, from.toEpochMilli(), to.toEpochMilli());
    }

    /** The version's requests in consecutive steps of [{@code from}, {@code to}), for charts. */
    public synchronized List<MetricPoint> series(String deployment, String version, Instant from, Instant to,
                                                 Duration step) {
        if (step.isZero() || step.isNegative()) {
            throw new BadInputException("the step of a series must be positive, got " + step);
        }
        List<MetricPoint> points = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            Instant end = t.plus(step).isAfter(to) ? to : t.plus(step);
            double[] latency = samples(deployment, version, Metric.LATENCY_P95, t, end);
            points.add(new MetricPoint(t, latency.length,
                    Percentiles.mean(samples(deployment, version, Metric.ERROR_RATE, t, end)),
                    Percentiles.mean(samples(deployment, version, Metric.ENGAGEMENT_RATE, t, end)),
                    Percentiles.of(latency, 95)));
        }
        return points;
    }

    /** Cumulative counters of every version ever served, by deployment and version. */
    public synchronized List<VersionCounters> counters() {
        List<VersionCounters> out = new ArrayList<>();
        deployments.forEach((name, d) -> new TreeMap<>(d.versions).forEach((version, v) ->
                out.add(v.tally.snapshot(name, version))));
        return out;
    }

    /** The counters and current splits in the Prometheus text exposition format. */
    public String prometheusText() {
        Map<String, TrafficSplit> splits = new TreeMap<>();
        List<VersionCounters> counters;
        synchronized (this) {
            deployments.forEach((name, d) -> {
                if (d.split != null) {
                    splits.put(name, d.split);
                }
            });
            counters = counters();
        }
        return PrometheusText.render(counters, splits);
    }

    private DeploymentSim deployment(String name) {
        return deployments.computeIfAbsent(name, n -> new DeploymentSim(
                new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * n.hashCode())), defaultRate, generatedUntilMillis));
    }

    private static double checkRate(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new BadInputException("the request rate must be a number >= 0 per second, got " + rate);
        }
        return rate;
    }

    private static final class VersionSim {
        final SampleLog log = new SampleLog();
        final VersionCounters.Tally tally = new VersionCounters.Tally();
        BehaviourProfile profile;
        // The log-normal's parameters, derived once per profile rather than per request.
        double mu;
        double sigma;

        VersionSim() {
            profile(BehaviourProfile.typical());
        }

        void profile(BehaviourProfile p) {
            profile = p;
            mu = p.mu();
            sigma = p.sigma();
        }
    }

    private static final class DeploymentSim {
        final SplittableRandom random;
        final Map<String, VersionSim> versions = new HashMap<>();
        TrafficSplit split;
        double rate;
        /** When the next request arrives, in epoch milliseconds (fractional: rates above 1000/s). */
        double nextMillis;

        DeploymentSim(SplittableRandom random, double rate, long startMillis) {
            this.random = random;
            this.rate = rate;
            this.nextMillis = startMillis;
        }

        VersionSim version(String name) {
            return versions.computeIfAbsent(name, n -> new VersionSim());
        }

        long generate(long endMillis) {
            if (split == null || rate <= 0) {
                nextMillis = Math.max(nextMillis, endMillis);
                return 0;
            }
            VersionSim stable = split.stableVersion() == null ? null : version(split.stableVersion());
            VersionSim canary = split.canaryVersion() == null ? null : version(split.canaryVersion());
            double share = split.canaryPercent() / 100.0;
            double gap = 1000.0 / rate;
            long count = 0;
            while (nextMillis < endMillis) {
                VersionSim v = canary != null && random.nextDouble() < share ? canary : stable;
                serve(v, (long) nextMillis);
                nextMillis += gap;
                count++;
            }
            return count;
        }

        private void serve(VersionSim v, long atMillis) {
            BehaviourProfile p = v.profile;
            boolean error = random.nextDouble() < p.errorRate();
            double latency = Math.exp(v.mu + v.sigma * random.nextGaussian());
            boolean engaged = !error && random.nextDouble() < p.engagementRate();
            v.log.add(atMillis, (float) latency, (byte) ((error ? SampleLog.ERROR : 0) | (engaged ? SampleLog.ENGAGED : 0)));
            v.tally.add(latency, error, engaged);
        }
    }
}
