package io.promptdesk.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Creates folders (0700) and files (0600) that only their owner can read, whatever the umask: the workspace database,
 * the audit key and the reports hold who did what and why. On a file system without POSIX permissions (Windows)
 * the user's profile folder already keeps other users out, and nothing is changed.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} and any missing parents; the folders created here are 0700 (existing ones are left). */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                if (POSIX) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR));
                    Files.setPosixFilePermissions(p, DIR);
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException raced) {
                // Another process made it meanwhile: theirs stands.
            }
        }
    }

    /** Creates {@code file} empty and 0600 if it does not exist; an existing file is left as it is. */
    public static void createFile(Path file) throws IOException {
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                Files.setPosixFilePermissions(file, FILE);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            // Keep it.
        }
    }

    /** Makes an existing file 0600 (a report written over an older one keeps no wider mode). */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }
}
