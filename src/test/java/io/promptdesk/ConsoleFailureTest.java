package io.promptdesk;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFailureTest {
    private static final Throwable NO_TOOLKIT = new InvocationTargetException(
            new RuntimeException("No toolkit found", new UnsatisfiedLinkError("no glassgtk3 in java.library.path")));

    @Test
    void aMissingGtkNamesThePackageToInstallAndTheRealCause() {
        String s = ConsoleFailure.explain(NO_TOOLKIT, "Linux", Map.of("DISPLAY", ":0"), p -> false);
        assertThat(s).startsWith("promptdesk: cannot open the console: No toolkit found: no glassgtk3")
                .doesNotContain("null").contains("sudo apt install libgtk-3-0").contains("dnf install gtk3")
                .contains("promptdesk --help");
    }

    @Test
    void noDisplayIsSaidWhenGtkIsThere() {
        String s = ConsoleFailure.explain(new InvocationTargetException(
                new UnsupportedOperationException("Unable to open DISPLAY")), "Linux", Map.of(),
                p -> p.equals(ConsoleFailure.GTK_PATHS.get(0)));
        assertThat(s).contains("Unable to open DISPLAY").contains("no display").contains("xvfb-run")
                .doesNotContain("libgtk-3-0");
    }

    @Test
    void aCauseWithoutAMessageIsNamedByItsType() {
        String s = ConsoleFailure.explain(new InvocationTargetException(new IllegalStateException()), "Mac OS X",
                Map.of(), p -> false);
        assertThat(s).contains("IllegalStateException").doesNotContain("null").doesNotContain("GTK");
    }
}
