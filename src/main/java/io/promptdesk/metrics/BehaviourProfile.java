package io.promptdesk.metrics;

import io.promptdesk.model.BadInputException;

/**
 * How a version behaves in the simulated service: a log-normal latency given by its median and 95th percentile,
 * the chance a request fails, and the chance a successful response is engaged with.
 */
public record BehaviourProfile(double latencyMedianSeconds, double latencyP95Seconds, double errorRate,
                               double engagementRate) {

    /** z of the 95th percentile of the standard normal distribution. */
    private static final double Z95 = 1.6448536269514722;

    public BehaviourProfile {
        if (!(latencyMedianSeconds > 0) || !(latencyP95Seconds >= latencyMedianSeconds)
                || Double.isInfinite(latencyP95Seconds)) {
            throw new BadInputException("latency needs 0 < median <= p95, got median " + latencyMedianSeconds
                    + " s and p95 " + latencyP95Seconds + " s");
        }
        checkRate("error rate", errorRate);
        checkRate("engagement rate", engagementRate);
    }

    /** A healthy service: median 200 ms, p95 500 ms, 1% errors, 30% engagement. */
    public static BehaviourProfile typical() {
        return new BehaviourProfile(0.2, 0.5, 0.01, 0.30);
    }

    /** The profile with latency multiplied by {@code latencyFactor} and the given error rate: fault injection. */
    public BehaviourProfile withFault(double latencyFactor, double newErrorRate) {
        if (!(latencyFactor > 0) || Double.isInfinite(latencyFactor)) {
            throw new BadInputException("the latency factor must be a positive number, got " + latencyFactor);
        }
        return new BehaviourProfile(latencyMedianSeconds * latencyFactor, latencyP95Seconds * latencyFactor,
                newErrorRate, engagementRate);
    }

    public BehaviourProfile withEngagementRate(double rate) {
        return new BehaviourProfile(latencyMedianSeconds, latencyP95Seconds, errorRate, rate);
    }

    /** The log-normal's mu: ln(median). */
    double mu() {
        return Math.log(latencyMedianSeconds);
    }

    /** The log-normal's sigma, from p95 = median * exp(z95 * sigma). */
    double sigma() {
        return Math.log(latencyP95Seconds / latencyMedianSeconds) / Z95;
    }

    private static void checkRate(String what, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new BadInputException(what + " must lie in 0..1, got " + rate);
        }
    }
}
