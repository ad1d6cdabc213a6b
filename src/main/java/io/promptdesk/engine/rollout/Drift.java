package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One place where the world disagrees with the stored desired state.
 *
 * @param what     {@code traffic}, {@code alias:production}, {@code status:1.1} ...
 * @param expected what the store says it should be
 * @param actual   what the router or registry says, or {@code unconfirmed} when a router that cannot be read back
 *                 has not acknowledged the current generation
 * @param repaired true once re-applied and confirmed
 */
@JsonPropertyOrder({"deployment", "what", "expected", "actual", "repaired", "error"})
public record Drift(String deployment, String what, String expected, String actual, boolean repaired,
                    String error) {
    public static final String UNCONFIRMED = "unconfirmed";

    static Drift found(String deployment, String what, String expected, String actual) {
        return new Drift(deployment, what, expected, actual, false, null);
    }

    Drift asRepaired() {
        return new Drift(deployment, what, expected, actual, true, null);
    }

    Drift asFailed(String why) {
        return new Drift(deployment, what, expected, actual, false, why);
    }

    /** E.g. "traffic: expected all to 1.0, found 50% to 1.1" */
    public String describe() {
        return deployment + " " + what + ": expected " + expected + ", found " + actual
                + (repaired ? " (repaired)" : error != null ? " (not repaired: " + error + ")" : "");
    }
}
