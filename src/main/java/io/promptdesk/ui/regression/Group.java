package io.promptdesk.ui.regression;

/** The two samples compared: everything is current minus baseline. */
public enum Group {
    BASELINE("Baseline"),
    CURRENT("Current");

    private final String label;

    Group(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
