package io.promptdesk.connections;

import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.Secret;
import io.promptdesk.remote.SecretStore;

import java.util.function.UnaryOperator;

/**
 * One secret of the settings, named by exactly one of two keys: an environment variable ({@code token_env}) or an
 * entry of the OS secret store ({@code token_secret}).
 *
 * @param envKey   e.g. {@code token_env}
 * @param variable the variable's name, or null
 * @param storeKey e.g. {@code token_secret}
 * @param entry    the store entry's name, or null
 */
record SecretChoice(String envKey, String variable, String storeKey, String entry) {

    /** Why the choice is unusable ("" when it is fine); naming neither is fine unless {@code required}. */
    String problem(boolean required) {
        if (variable != null && entry != null) {
            return "names its secret twice: give either " + envKey + " (an environment variable) or " + storeKey
                    + " (an OS secret store entry), not both";
        }
        if (variable == null && entry == null && required) {
            return "needs " + envKey + " (the environment variable holding the secret) or " + storeKey
                    + " (its OS secret store entry)";
        }
        return "";
    }

    /**
     * The secret, read now from where the settings say.
     *
     * @throws BadInputException when both or neither key is given, the variable is unset or the entry not found
     */
    Secret resolve(String service, UnaryOperator<String> environment, SecretStore store) {
        String problem = problem(true);
        if (!problem.isEmpty()) {
            throw new BadInputException("the " + service + " connection " + problem);
        }
        return variable != null ? Secret.fromEnvironment(variable, environment) : Secret.fromStore(entry, store);
    }
}
