package io.promptdesk.remote;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operating system's store of secrets (the Secret Service through libsecret, the macOS keychain, the Windows
 * Credential Manager): the second place a credential may live besides an environment variable. PromptDesk's
 * entries live under the service {@value #SERVICE}, one per entry name; settings, logs and messages carry only
 * the entry's name.
 */
public interface SecretStore {
    /** The service (keychain service, vault resource) every PromptDesk entry is stored under. */
    String SERVICE = "promptdesk";
    /**
     * An entry's name: a letter or digit, then letters, digits and {@code . _ - @ / : +}, at most 128 characters.
     * Keeps names from being read as a tool's options.
     */
    Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@/:+-]{0,127}");

    /**
     * The secret stored under {@code entry}, or empty when the store has none.
     *
     * @throws io.promptdesk.model.BadInputException when the store cannot be asked - its tool missing, not
     *                                               answering in time, failing; the message names the entry, the
     *                                               tool and how to store the secret
     */
    Optional<String> lookup(String entry);

    /** The store in words, e.g. "the Secret Service (secret-tool)". */
    String describe();

    /** How a person stores {@code entry} there, e.g. the exact {@code secret-tool store} command. */
    String howToStore(String entry);

    /** Whether {@code entry} matches {@link #ENTRY_NAME}. */
    static boolean isEntryName(String entry) {
        return entry != null && ENTRY_NAME.matcher(entry).matches();
    }
}
