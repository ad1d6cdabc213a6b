package io.promptdesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * AtlantaFX Primer as the user-agent stylesheet, light or dark; our {@code theme.css} uses only its colour
 * tokens, so it follows the switch without a dark variant of its own.
 */
public final class Theme {

    public static final String STYLESHEET = "/io/promptdesk/ui/theme.css";
    /** {@code -Dpromptdesk.theme=dark} starts in the dark theme. */
    public static final String PROPERTY = "promptdesk.theme";

    private final BooleanProperty dark = new SimpleBooleanProperty();

    public Theme() {
        dark.addListener((obs, old, now) -> apply());
    }

    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Writable: the View menu's toggle binds to it. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public static String stylesheetUrl() {
        return Theme.class.getResource(STYLESHEET).toExternalForm();
    }
}
