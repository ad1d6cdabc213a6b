package io.promptdesk.registry.mlflow;

import io.promptdesk.registry.RegistryException;

/**
 * MLflow refused a registry request: the HTTP status, MLflow's {@code error_code} (or null when the answer was not
 * MLflow's JSON) and its message.
 */
public class MlflowApiException extends RegistryException {
    private final int status;
    private final String errorCode;

    public MlflowApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    /** MLflow's error code, e.g. {@code RESOURCE_DOES_NOT_EXIST}, or null. */
    public String errorCode() {
        return errorCode;
    }

    public boolean is(String code) {
        return code.equals(errorCode);
    }
}
