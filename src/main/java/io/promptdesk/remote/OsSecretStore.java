package io.promptdesk.remote;

import io.promptdesk.model.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The OS secret store, read by running the platform's own tool ({@link SecretTool}) as a child process: arguments
 * as a list (no shell), a timeout, standard output read as UTF-8 and standard error kept for the message. The
 * secret is only ever returned, never logged nor put in a message. Thread-safe: each lookup is its own process.
 */
public final class OsSecretStore implements SecretStore {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OsSecretStore.class);
    private static final int MAX_ERROR_CHARS = 300;

    private final SecretTool tool;
    private final String executable;
    private final Duration timeout;

    /**
     * @param tool       how to talk to the store
     * @param executable the program to run: {@link SecretTool#executable()} on the PATH, or a fake in tests
     * @param timeout    how long one lookup may take; a locked keyring's prompt can otherwise hang a caller
     */
    public OsSecretStore(SecretTool tool, String executable, Duration timeout) {
        this.tool = Objects.requireNonNull(tool, "tool");
        this.executable = Objects.requireNonNull(executable, "executable");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the secret store timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    /** The store of the operating system this JVM runs on, through its tool on the PATH. */
    public static OsSecretStore forThisPlatform() {
        SecretTool tool = SecretTool.forOs(System.getProperty("os.name"));
        return new OsSecretStore(tool, tool.executable(), DEFAULT_TIMEOUT);
    }

    @Override
    public Optional<String> lookup(String entry) {
        if (!SecretStore.isEntryName(entry)) {
            // The text is not repeated: it may be a secret typed where its name belongs.
            throw new BadInputException("a secret store entry name is letters, digits and . _ - @ / : + (starting "
                    + "with a letter or digit, at most 128): give the entry's name, never the secret itself");
        }
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(tool.arguments(entry));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(tool.environment(entry));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BadInputException("cannot look up the secret store entry " + entry + ": " + executable
                    + " cannot be run (" + e.getMessage() + "); " + tool.whenMissing() + ", then store the secret "
                    + "with: " + howToStore(entry), e);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new BadInputException(executable + " did not answer within " + timeout.toMillis() + " ms when "
                        + "asked for the secret store entry " + entry + " (is the keyring locked, or a prompt "
                        + "waiting?); unlock it and try again, or store the secret with: " + howToStore(entry));
            }
            // The output is a few bytes, far below a pipe's buffer, so reading after the exit cannot block the tool.
            String out = read(process.getInputStream());
            String err = read(process.getErrorStream()).strip();
            int exit = process.exitValue();
            String value = withoutLineEnd(out);
            if (exit == 0 && !value.isEmpty()) {
                LOG.debug("read secret store entry {} with {}", entry, executable);
                return Optional.of(value);
            }
            if (exit == 0 || tool.notFound(exit, err)) {
                LOG.debug("no secret store entry {} in {}", entry, describe());
                return Optional.empty();
            }
            throw new BadInputException(executable + " failed (exit " + exit + ") looking up the secret store entry "
                    + entry + (err.isEmpty() ? "" : ": " + shortened(err)) + "; store the secret with: "
                    + howToStore(entry));
        } catch (IOException e) {
            throw new BadInputException("cannot read what " + executable + " answered for the secret store entry "
                    + entry + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new BadInputException("interrupted while looking up the secret store entry " + entry, e);
        }
    }

    @Override
    public String describe() {
        return tool.describe();
    }

    @Override
    public String howToStore(String entry) {
        return tool.howToStore(entry);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Tools end their answer with a line end (some only when writing to a terminal); the secret does not. */
    static String withoutLineEnd(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String shortened(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_CHARS ? oneLine : oneLine.substring(0, MAX_ERROR_CHARS) + "…";
    }

    @Override
    public String toString() {
        return describe() + " via " + executable;
    }
}
