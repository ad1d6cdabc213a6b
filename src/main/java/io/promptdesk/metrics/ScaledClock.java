package io.promptdesk.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Time that runs {@code scale} times faster than a base clock from a common origin: {@code --time-scale 60} runs a
 * five-minute stage in five seconds. Restarted with the same origins, it continues where it was, so a stage clock
 * survives a restart.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant baseOrigin;
    private final Instant scaledOrigin;
    private final double scale;

    /**
     * @param base         the real clock
     * @param baseOrigin   a moment of the base clock ...
     * @param scaledOrigin ... and the scaled time it corresponds to
     */
    public ScaledClock(Clock base, Instant baseOrigin, Instant scaledOrigin, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the time scale must be a positive number, got " + scale);
        }
        this.base = base;
        this.baseOrigin = baseOrigin;
        this.scaledOrigin = scaledOrigin;
        this.scale = scale;
    }

    public double scale() {
        return scale;
    }

    /** How long to wait on the base clock for {@code scaled} to pass here. */
    public Duration baseDuration(Duration scaled) {
        return Duration.ofNanos((long) Math.ceil(scaled.toNanos() / scale));
    }

    @Override
    public Instant instant() {
        long realNanos = Duration.between(baseOrigin, base.instant()).toNanos();
        return scaledOrigin.plusNanos((long) (realNanos * scale));
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), baseOrigin, scaledOrigin, scale);
    }
}
