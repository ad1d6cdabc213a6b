package io.promptdesk.engine.pipeline;

import io.promptdesk.model.BadInputException;

import java.time.Duration;

/**
 * The spec's resource limits of the prompt test runner, enforced by {@link AsyncCicdPipeline}.
 *
 * @param maxConcurrentTests templates tested at once (the spec's max_concurrent_tests, 10)
 * @param timeoutPerTest     one template's whole test run (the spec's timeout_per_test, 30 s); unfinished cases fail
 * @param memoryLimitMb      heap a batch may use (the spec's memory_limit_mb, 512): a batch estimated above it is
 *                           refused, one measured above it is aborted
 */
public record ResourceLimits(int maxConcurrentTests, Duration timeoutPerTest, long memoryLimitMb) {
    public static final int DEFAULT_MAX_CONCURRENT_TESTS = 10;
    public static final Duration DEFAULT_TIMEOUT_PER_TEST = Duration.ofSeconds(30);
    public static final long DEFAULT_MEMORY_LIMIT_MB = 512;

    public ResourceLimits {
        if (maxConcurrentTests < 1) {
            throw new BadInputException("max_concurrent_tests must be at least 1, got " + maxConcurrentTests);
        }
        if (timeoutPerTest == null || timeoutPerTest.isNegative() || timeoutPerTest.isZero()) {
            throw new BadInputException("timeout_per_test must be positive, got " + timeoutPerTest);
        }
        if (memoryLimitMb < 1) {
            throw new BadInputException("memory_limit_mb must be at least 1, got " + memoryLimitMb);
        }
    }

    public static ResourceLimits defaults() {
        return new ResourceLimits(DEFAULT_MAX_CONCURRENT_TESTS, DEFAULT_TIMEOUT_PER_TEST, DEFAULT_MEMORY_LIMIT_MB);
    }
}
