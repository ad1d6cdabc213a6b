package io.promptdesk.registry;

import io.promptdesk.model.BadInputException;

/** A registry request names something that does not exist, already exists, or is not allowed. */
public class RegistryException extends BadInputException {
    public RegistryException(String message) {
        super(message);
    }
}
