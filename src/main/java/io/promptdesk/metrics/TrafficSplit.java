package io.promptdesk.metrics;

import io.promptdesk.model.BadInputException;

/**
 * How a deployment's traffic is split: {@code canaryPercent} of requests go to the canary version, the rest to the
 * stable one.
 *
 * @param canaryVersion null when there is no canary (all traffic on the stable version)
 */
public record TrafficSplit(String stableVersion, String canaryVersion, int canaryPercent) {
    public TrafficSplit {
        if (stableVersion == null && canaryVersion == null) {
            throw new BadInputException("a traffic split needs a stable or a canary version");
        }
        if (canaryPercent < 0 || canaryPercent > 100) {
            throw new BadInputException("the canary's share must lie in 0..100 percent, got " + canaryPercent);
        }
        if (canaryVersion == null && canaryPercent != 0) {
            throw new BadInputException("a canary share of " + canaryPercent + "% needs a canary version");
        }
        if (stableVersion == null && canaryPercent != 100) {
            throw new BadInputException("without a stable version the canary must take 100% of the traffic");
        }
    }

    public static TrafficSplit stableOnly(String version) {
        return new TrafficSplit(version, null, 0);
    }
}
