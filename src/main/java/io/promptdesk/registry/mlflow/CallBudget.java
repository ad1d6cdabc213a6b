package io.promptdesk.registry.mlflow;

import io.promptdesk.remote.RemoteUnavailableException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long the next call to MLflow may take, retries included: a fixed time per call, and no more than what is left
 * before a caller's deadline (a rollback's SLA), if one is set.
 */
record CallBudget(Clock clock, Duration perCall, Instant deadline) {

    Duration next(String what) {
        if (deadline == null) {
            return perCall;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new RemoteUnavailableException("MLflow: no time left for " + what + ": the deadline " + deadline
                    + " has passed", null);
        }
        return left.compareTo(perCall) < 0 ? left : perCall;
    }

    CallBudget until(Instant newDeadline) {
        return new CallBudget(clock, perCall, newDeadline);
    }
}
