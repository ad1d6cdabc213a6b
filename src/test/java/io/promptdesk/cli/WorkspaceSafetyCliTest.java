package io.promptdesk.cli;

import io.promptdesk.store.Database;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Reading commands never create a workspace and need no secret; a truncated database is never silently replaced;
 * what PromptDesk writes is owner-only.
 */
class WorkspaceSafetyCliTest {
    @TempDir
    Path dir;

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    private static final List<List<String>> READERS = List.of(
            List.of("audit", "verify"),
            List.of("history", "--model", "hooks"),
            List.of("rollout", "status", "--deployment", "hooks"),
            List.of("registry", "list"),
            List.of("registry", "show", "--model", "hooks", "--version", "1.0"));

    private static String[] with(List<String> command, String... more) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aMistypedWorkspaceIsExitTwoNamingThePathAndNothingIsCreated() {
        Path typo = dir.resolve("typo-dir");
        for (List<String> command : READERS) {
            CliTest.Result r = run(with(command, "--workspace", typo.toString()));
            assertThat(r.exit()).as(command.toString()).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
            assertThat(r.err()).as(command.toString()).contains(typo.toString()).contains("does not exist");
            assertThat(typo).as(command.toString()).doesNotExist();
        }
    }

    @Test
    void aZeroByteDatabaseIsRefusedByEveryCommandAndKept() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path db = Files.createFile(Workspace.databaseFile(ws));
        for (List<String> command : READERS) {
            CliTest.Result r = run(with(command, "--workspace", ws.toString()));
            assertThat(r.exit()).as(command.toString()).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
            assertThat(r.err()).as(command.toString()).contains("empty (0 bytes)");
        }
        Path t = Files.writeString(dir.resolve("t.prompt"), "Write a hook about {topic}");
        CliTest.Result write = run("registry", "register", "--workspace", ws.toString(), "--model", "hooks",
                "--version", "1.0", "--template-file", t.toString());
        assertThat(write.exit()).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(write.err()).contains("empty (0 bytes)");
        assertThat(Files.size(db)).isZero();
    }

    @Test
    void readingCommandsNeedNoRouterSecret() throws Exception {
        Path ws = dir.resolve("ws");
        Path t = Files.writeString(dir.resolve("t.prompt"), "Write a hook about {topic}");
        assertThat(run("registry", "register", "--workspace", ws.toString(), "--model", "hooks", "--version", "1.0",
                "--template-file", t.toString(), "--status", "stable").exit()).isZero();
        // The workspace names a signed webhook router whose secret is not set in this environment.
        Files.writeString(ws.resolve("promptdesk.yaml"), "connections:\n  router:\n    type: webhook\n"
                + "    url: http://127.0.0.1:9/traffic\n    secret_env: PROMPTDESK_TEST_UNSET_WEBHOOK_SECRET\n");
        for (List<String> command : READERS) {
            if (command.contains("status")) {
                continue;
            }
            CliTest.Result r = run(with(command, "--workspace", ws.toString()));
            assertThat(r.exit()).as(command + ": " + r.err()).isZero();
        }
        CliTest.Result status = run("rollout", "status", "--workspace", ws.toString(), "--deployment", "hooks");
        // No rollout yet: a plain "no rollout" answer, not a missing secret.
        assertThat(status.err()).doesNotContain("PROMPTDESK_TEST_UNSET_WEBHOOK_SECRET").contains("no rollout");
    }

    @Test
    void theDatabaseAndItsFolderAreOwnerOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path ws = dir.resolve("new").resolve("ws");
        Path t = Files.writeString(dir.resolve("t.prompt"), "Write a hook about {topic}");
        assertThat(run("registry", "register", "--workspace", ws.toString(), "--model", "hooks", "--version", "1.0",
                "--template-file", t.toString()).exit()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Workspace.databaseFile(ws))))
                .isEqualTo("rw-------");
        Path cases = Files.writeString(dir.resolve("cases.json"), "[{\"topic\": \"tea\"}]");
        Path xml = dir.resolve("report.xml");
        run("test", "--template-file", t.toString(), "--cases", cases.toString(), "--junit-xml", xml.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(xml))).isEqualTo("rw-------");
    }

    @Test
    void aReadOnlyOpenWritesNothing() throws Exception {
        Path ws = dir.resolve("ws");
        Path t = Files.writeString(dir.resolve("t.prompt"), "Write a hook about {topic}");
        assertThat(run("registry", "register", "--workspace", ws.toString(), "--model", "hooks", "--version", "1.0",
                "--template-file", t.toString()).exit()).isZero();
        Path file = Workspace.databaseFile(ws);
        long size = Files.size(file);
        List<Path> before;
        try (var s = Files.list(ws)) {
            before = s.sorted().toList();
        }
        try (Database db = Database.openReadOnly(file)) {
            assertThat(db.schemaVersion()).isPositive();
        }
        try (var s = Files.list(ws)) {
            assertThat(s.sorted().toList()).isEqualTo(before);
        }
        assertThat(Files.size(file)).isEqualTo(size);
    }
}
