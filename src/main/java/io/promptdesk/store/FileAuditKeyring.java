package io.promptdesk.store;

import io.promptdesk.engine.audit.AuditChain;
import io.promptdesk.engine.audit.AuditCheckpoint;
import io.promptdesk.engine.audit.AuditKeyring;
import io.promptdesk.files.OwnerOnly;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Audit keys and checkpoints as owner-only files in the user's config folder ({@code audit/<workspace>.key} and
 * {@code .checkpoint}), never in the workspace. The checkpoint carries its own HMAC, so it cannot be edited without
 * the key either. Writes go through a lock file and an atomic rename: concurrent processes keep the newest head.
 */
public final class FileAuditKeyring implements AuditKeyring {
    /** Overrides the config folder (tests, and users who keep it elsewhere). */
    public static final String ENV_CONFIG_HOME = "PROMPTDESK_CONFIG_HOME";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    public FileAuditKeyring(Path dir) {
        this.dir = dir;
    }

    /** The current user's keyring: $PROMPTDESK_CONFIG_HOME, else the platform's config folder, then audit/. */
    public static FileAuditKeyring forUser() {
        return new FileAuditKeyring(configHome(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home")).resolve("audit"));
    }

    static Path configHome(Map<String, String> env, String osName, String home) {
        String override = env.get(ENV_CONFIG_HOME);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "PromptDesk", "config")
                    : Path.of(home, "AppData", "Roaming", "PromptDesk", "config");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Preferences", "PromptDesk");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "promptdesk") : Path.of(home, ".config", "promptdesk");
    }

    @Override
    public Optional<byte[]> key(String workspaceId, boolean create) {
        Path file = file(workspaceId, ".key");
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
            }
            if (!create) {
                return Optional.empty();
            }
            OwnerOnly.createDirectories(dir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path tmp = Files.createTempFile(dir, workspaceId, ".tmp");
            OwnerOnly.restrict(tmp);
            Files.writeString(tmp, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
            try {
                // Never replace a key another process made meanwhile: the first one stands.
                Files.createLink(file, tmp);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // fall through to read theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Optional.of(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException(StoreException.Problem.UNAVAILABLE, file, "cannot use the audit key " + file
                    + ": " + e.getMessage() + "; nothing was changed. Make that folder writable, or point "
                    + ENV_CONFIG_HOME + " at a writable folder of your own (keep the key: it vouches for the log)", e);
        }
    }

    @Override
    public Optional<AuditCheckpoint> checkpoint(String workspaceId) {
        Path file = file(workspaceId, ".checkpoint");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] f = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            AuditCheckpoint c = new AuditCheckpoint(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]), f[3]);
            byte[] key = key(workspaceId, false).orElse(null);
            if (f.length != 5 || key == null || !f[4].equals(mac(key, c))) {
                throw new StoreException(StoreException.Problem.CORRUPT, file, "the audit checkpoint " + file
                        + " was changed (its MAC does not match): the audit log cannot be vouched for", null);
            }
            return Optional.of(c);
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException(StoreException.Problem.CORRUPT, file, "the audit checkpoint " + file
                    + " is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public void advance(String workspaceId, AuditCheckpoint next) {
        Path file = file(workspaceId, ".checkpoint");
        try {
            OwnerOnly.createDirectories(dir);
            Path lock = file(workspaceId, ".lock");
            OwnerOnly.createFile(lock);
            // A file lock keeps other processes out; threads of this one (which the file lock does not separate)
            // take turns on the same monitor.
            synchronized (IN_PROCESS.computeIfAbsent(lock.toAbsolutePath().normalize(), k -> new Object())) {
                advanceLocked(workspaceId, next, file, lock);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.UNAVAILABLE, file, "cannot write the audit checkpoint "
                    + file + ": " + e.getMessage(), e);
        }
    }

    private void advanceLocked(String workspaceId, AuditCheckpoint next, Path file, Path lock) throws IOException {
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
            Optional<AuditCheckpoint> now = checkpoint(workspaceId);
            if (now.isPresent() && now.get().headSeq() >= next.headSeq()) {
                return;
            }
            byte[] key = key(workspaceId, true).orElseThrow();
            Path tmp = Files.createTempFile(dir, workspaceId, ".tmp");
            OwnerOnly.restrict(tmp);
            Files.writeString(tmp, next.keyedFrom() + " " + next.legacyHead() + " " + next.headSeq() + " "
                    + next.headHash() + " " + mac(key, next) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public String describe(String workspaceId) {
        return file(workspaceId, ".key").toString();
    }

    private static String mac(byte[] key, AuditCheckpoint c) {
        return AuditChain.mac(key, "checkpoint", c.keyedFrom() + " " + c.legacyHead() + " " + c.headSeq() + " "
                + c.headHash());
    }

    private Path file(String workspaceId, String suffix) {
        if (!ID.matcher(workspaceId).matches()) {
            throw new IllegalArgumentException("not a workspace id: " + workspaceId);
        }
        return dir.resolve(workspaceId + suffix);
    }
}
