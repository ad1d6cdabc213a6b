package io.promptdesk.engine.rollback;

/** The spec's (is_valid, error_message) of {@code validate_rollback_target}. */
public record TargetValidation(boolean isValid, String errorMessage) {

    static TargetValidation ok() {
        return new TargetValidation(true, null);
    }

    static TargetValidation refused(String why) {
        return new TargetValidation(false, why);
    }
}
