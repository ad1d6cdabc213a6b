package io.promptdesk.remote;

import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OS secret store run against fake tools: small shell scripts that answer only to the right arguments. */
@DisabledOnOs(OS.WINDOWS)
class OsSecretStoreTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    /** A script that records its arguments (one a line) and its entry variable, then runs {@code body}. */
    private String tool(String body) throws IOException {
        Path script = dir.resolve("fake-tool");
        Files.writeString(script, "#!/bin/sh\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + dir.resolve("args") + "'\n"
                + "printf '%s' \"$" + SecretTool.ENTRY_VARIABLE + "\" > '" + dir.resolve("entry-variable") + "'\n"
                + body + "\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script.toString();
    }

    private List<String> argumentsPassed() throws IOException {
        return Files.readAllLines(dir.resolve("args"));
    }

    /** secret-tool's behaviour: the secret for the one known entry, exit 1 and silence for any other. */
    private static final String SECRET_TOOL = """
            if [ "$#" -eq 5 ] && [ "$1" = lookup ] && [ "$2" = service ] && [ "$3" = promptdesk ] \\
               && [ "$4" = account ] && [ "$5" = prom-token ]; then
              printf 't0k\\303\\251n\\n'
              exit 0
            fi
            exit 1""";

    @Test
    void aStoredEntryIsReadAsUtf8WithoutItsLineEndAndTheArgumentsAreExactlySecretTools() throws IOException {
        OsSecretStore store = new OsSecretStore(SecretTool.LINUX, tool(SECRET_TOOL), TIMEOUT);

        assertThat(store.lookup("prom-token")).contains("t0kén");
        assertThat(argumentsPassed()).containsExactly("lookup", "service", "promptdesk", "account", "prom-token");
    }

    @Test
    void aMissingEntryIsEmptyAndSecretSaysHowToStoreIt() throws IOException {
        OsSecretStore store = new OsSecretStore(SecretTool.LINUX, tool(SECRET_TOOL), TIMEOUT);

        assertThat(store.lookup("mlflow-token")).isEmpty();
        assertThatThrownBy(() -> Secret.fromStore("mlflow-token", store)).isInstanceOf(BadInputException.class)
                .hasMessage("the secret store entry mlflow-token that should hold the secret is not found in the "
                        + "Secret Service (secret-tool); store it with: secret-tool store --label='PromptDesk "
                        + "mlflow-token' service promptdesk account mlflow-token (it asks for the secret)");
    }

    @Test
    void aSecretFromTheStoreIsDescribedByItsEntryNeverItsValue() throws IOException {
        Secret s = Secret.fromStore("prom-token", new OsSecretStore(SecretTool.LINUX, tool(SECRET_TOOL), TIMEOUT));

        assertThat(s.source()).isEqualTo("secret store entry prom-token");
        assertThat(s).hasToString("secret from secret store entry prom-token");
        assertThat(new RemoteAuth.Bearer(s).header()).isEqualTo("Bearer t0kén");
        assertThat(new RemoteAuth.Bearer(s).describe()).isEqualTo("bearer token from secret store entry prom-token");
    }

    @Test
    void aMissingToolIsNamedWithHowToInstallItAndStoreTheSecret() {
        String missing = dir.resolve("no-such-secret-tool").toString();
        OsSecretStore store = new OsSecretStore(SecretTool.LINUX, missing, TIMEOUT);

        assertThatThrownBy(() -> store.lookup("prom-token")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("cannot look up the secret store entry prom-token: " + missing
                        + " cannot be run (")
                .hasMessageContaining("install libsecret-tools")
                .hasMessageEndingWith("secret-tool store --label='PromptDesk prom-token' service promptdesk "
                        + "account prom-token (it asks for the secret)");
    }

    @Test
    void aToolThatDoesNotAnswerInTimeIsStoppedAndReported() throws IOException {
        // The timeout is the behaviour under test: the fake outlives a 150 ms budget and must be killed.
        OsSecretStore store = new OsSecretStore(SecretTool.LINUX, tool("exec sleep 10"), Duration.ofMillis(150));

        assertThatThrownBy(() -> store.lookup("prom-token")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("did not answer within 150 ms when asked for the secret store entry prom-token")
                .hasMessageContaining("secret-tool store --label='PromptDesk prom-token'");
    }

    @Test
    void aToolThatFailsIsReportedWithItsErrorButNeverWhatItPrinted() throws IOException {
        OsSecretStore store = new OsSecretStore(SecretTool.LINUX, tool("""
                printf 'half-a-secret'
                echo 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY' >&2
                exit 1"""), TIMEOUT);

        assertThatThrownBy(() -> store.lookup("prom-token")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("failed (exit 1) looking up the secret store entry prom-token: secret-tool: "
                        + "Cannot autolaunch D-Bus without X11 $DISPLAY")
                .hasMessageNotContaining("half-a-secret");
    }

    @Test
    void macOsAsksTheKeychainForTheServiceAndAccountAndTreatsExit44AsNotFound() throws IOException {
        OsSecretStore store = new OsSecretStore(SecretTool.MACOS, tool("""
                if [ "$5" = prom-token ]; then echo 'k3y'; exit 0; fi
                echo 'security: SecKeychainSearchCopyNext: The specified item could not be found.' >&2
                exit 44"""), TIMEOUT);

        assertThat(store.lookup("prom-token")).contains("k3y");
        assertThat(argumentsPassed()).containsExactly("find-generic-password", "-s", "promptdesk", "-a",
                "prom-token", "-w");
        assertThat(store.lookup("other")).isEmpty();
        assertThat(store.howToStore("other")).startsWith("security add-generic-password -s promptdesk -a other -w");
    }

    @Test
    void windowsPassesTheEntryThroughTheEnvironmentNeverTheScript() throws IOException {
        OsSecretStore store = new OsSecretStore(SecretTool.WINDOWS, tool("""
                if [ "$PROMPTDESK_SECRET_ENTRY" = prom-token ]; then printf 'v4ult'; exit 0; fi
                exit 44"""), TIMEOUT);

        assertThat(store.lookup("prom-token")).contains("v4ult");
        List<String> args = argumentsPassed();
        assertThat(args).hasSize(4).startsWith("-NoProfile", "-NonInteractive", "-EncodedCommand");
        String script = new String(Base64.getDecoder().decode(args.get(3)), StandardCharsets.UTF_16LE);
        assertThat(script).isEqualTo(SecretTool.LOOKUP_SCRIPT).contains("PasswordVault")
                .contains("Retrieve('promptdesk', $env:PROMPTDESK_SECRET_ENTRY)").doesNotContain("prom-token");
        assertThat(Files.readString(dir.resolve("entry-variable"))).isEqualTo("prom-token");
        assertThat(store.lookup("other")).isEmpty();
    }

    @Test
    void aNameThatCouldBeAnOptionOrASecretIsRefusedWithoutRunningTheToolOrRepeatingIt() throws IOException {
        OsSecretStore store = new OsSecretStore(SecretTool.LINUX, tool(SECRET_TOOL), TIMEOUT);

        assertThatThrownBy(() -> store.lookup("-w")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("give the entry's name, never the secret itself").hasMessageNotContaining("-w");
        assertThatThrownBy(() -> store.lookup("hunter2 with spaces")).hasMessageNotContaining("hunter2");
        assertThat(dir.resolve("args")).doesNotExist();
    }

    @Test
    void theToolFollowsTheOperatingSystem() {
        assertThat(SecretTool.forOs("Linux")).isEqualTo(SecretTool.LINUX);
        assertThat(SecretTool.forOs("Mac OS X")).isEqualTo(SecretTool.MACOS);
        assertThat(SecretTool.forOs("Windows 11")).isEqualTo(SecretTool.WINDOWS);
        assertThat(SecretTool.WINDOWS.executable()).isEqualTo("powershell.exe");
        assertThat(OsSecretStore.withoutLineEnd("a\r\n")).isEqualTo("a");
        assertThat(OsSecretStore.withoutLineEnd("a \n")).isEqualTo("a ");
    }
}
