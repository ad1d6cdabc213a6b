package io.promptdesk.ui.connections;

/** Where a secret the Connections page names lives; the page writes only its name, never the secret. */
public enum SecretSource {
    ENVIRONMENT("environment variable"),
    STORE("OS secret store");

    private final String label;

    SecretSource(String label) {
        this.label = label;
    }

    /** The choice in words, as the page shows it. */
    public String label() {
        return label;
    }
}
