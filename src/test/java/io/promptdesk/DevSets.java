package io.promptdesk;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The labelled development sets inside the repository ({@code src/test/resources/devsets/}), with their licences. */
public final class DevSets {
    private DevSets() {
    }

    /** The folder of one set, e.g. {@code sql-injection-libinjection}. */
    public static Path folder(String name) {
        URL url = DevSets.class.getResource("/devsets/" + name);
        if (url == null) {
            throw new IllegalStateException("dev set " + name + " is missing from src/test/resources/devsets/");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
