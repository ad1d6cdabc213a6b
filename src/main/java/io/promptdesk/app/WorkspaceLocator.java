package io.promptdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Finds the console's workspace folder and, on first start, fills it with the bundled sample workspace.
 * <p>
 * Order: system property {@code promptdesk.workspace}, environment {@code PROMPTDESK_WORKSPACE}, then the
 * platform's per-user data folder. Lookups are injected so tests never depend on the machine they run on.
 */
public final class WorkspaceLocator {

    public static final String PROPERTY = "promptdesk.workspace";
    public static final String ENV = "PROMPTDESK_WORKSPACE";
    /** The bundled sample, listed by its {@code workspace.yaml} because a jar cannot list a folder. */
    static final String SAMPLE_ROOT = "/promptdesk/sample-workspace/";
    static final String MANIFEST = "workspace.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceLocator.class);

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;

    public WorkspaceLocator(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** A locator reading the real system properties and environment. */
    public static WorkspaceLocator fromSystem() {
        return new WorkspaceLocator(System::getProperty, System::getenv);
    }

    /** The workspace folder; it may not exist yet. */
    public Path locate() {
        String explicit = nonBlank(properties.apply(PROPERTY));
        if (explicit == null) {
            explicit = nonBlank(environment.apply(ENV));
        }
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        return userDataFolder();
    }

    /** The platform's per-user data folder for PromptDesk. */
    Path userDataFolder() {
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        Path home = Path.of(String.valueOf(properties.apply("user.home")));
        if (os.startsWith("windows")) {
            String appData = nonBlank(environment.apply("APPDATA"));
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming"))
                    .resolve("PromptDesk");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("PromptDesk");
        }
        String xdg = nonBlank(environment.apply("XDG_DATA_HOME"));
        return (xdg != null ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("promptdesk");
    }

    /**
     * Locates the workspace, creates it if needed and copies the sample into it when it holds no file yet.
     *
     * @throws UncheckedIOException when the folder cannot be created or written
     */
    public Path prepare() {
        Path dir = locate();
        try {
            Files.createDirectories(dir);
            if (isEmpty(dir)) {
                List<String> copied = copySample(dir);
                LOG.info("first start: copied the sample workspace ({} files) into {}", copied.size(), dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the workspace folder " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** Copies the bundled sample into {@code dir}; returns the file names written. */
    List<String> copySample(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        files.add(MANIFEST);
        JsonNode manifest;
        try (InputStream in = open(MANIFEST)) {
            manifest = new YAMLMapper().readTree(in);
        }
        for (JsonNode entry : manifest.path("templates")) {
            files.add(entry.path("template").asText());
            if (entry.hasNonNull("cases")) {
                files.add(entry.path("cases").asText());
            }
        }
        for (JsonNode sample : manifest.path("samples")) {
            files.add(sample.asText());
        }
        for (String name : files) {
            try (InputStream in = open(name)) {
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return files;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = WorkspaceLocator.class.getResourceAsStream(SAMPLE_ROOT + name);
        if (in == null) {
            throw new IOException("the bundled sample workspace lacks " + name);
        }
        return in;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
