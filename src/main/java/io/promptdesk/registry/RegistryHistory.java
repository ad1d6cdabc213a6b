package io.promptdesk.registry;

import java.util.List;

/**
 * Our own record of the changes PromptDesk makes in a remote registry, which keeps no history of them (MLflow does
 * not remember where an alias pointed before). Append-only, numbered per registry and model.
 */
public interface RegistryHistory {

    /**
     * @param registry which remote registry, e.g. its base URL, so that two servers' models never mix
     * @return the stored event, numbered after the model's last one
     */
    RegistryEvent append(String registry, RegistryEvent event);

    /** The model's recorded changes in that registry, oldest first. */
    List<RegistryEvent> events(String registry, String model);
}
