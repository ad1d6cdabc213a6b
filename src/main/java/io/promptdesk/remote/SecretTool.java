package io.promptdesk.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The platform tool that reads PromptDesk's entries from the OS secret store, and how to talk to it. */
public enum SecretTool {
    /** libsecret's {@code secret-tool} (package libsecret-tools), talking to GNOME Keyring, KeePassXC, KWallet. */
    LINUX("secret-tool", "the Secret Service (secret-tool)") {
        @Override
        List<String> arguments(String entry) {
            return List.of("lookup", "service", SecretStore.SERVICE, "account", entry);
        }

        @Override
        boolean notFound(int exit, String stderr) {
            // A missing item is exit 1 and silence; a missing D-Bus session or a refused unlock says why.
            return exit == 1 && stderr.isBlank();
        }

        @Override
        String howToStore(String entry) {
            return "secret-tool store --label='PromptDesk " + entry + "' service " + SecretStore.SERVICE
                    + " account " + entry + " (it asks for the secret)";
        }

        @Override
        String whenMissing() {
            return "install libsecret-tools (apt install libsecret-tools, dnf install libsecret)";
        }
    },
    /** {@code security}, the keychain's own command-line tool. */
    MACOS("security", "the macOS keychain (security)") {
        @Override
        List<String> arguments(String entry) {
            return List.of("find-generic-password", "-s", SecretStore.SERVICE, "-a", entry, "-w");
        }

        @Override
        boolean notFound(int exit, String stderr) {
            return exit == 44; // errSecItemNotFound
        }

        @Override
        String howToStore(String entry) {
            return "security add-generic-password -s " + SecretStore.SERVICE + " -a " + entry
                    + " -w (with -w last it asks for the secret)";
        }

        @Override
        String whenMissing() {
            return "security ships with macOS: check that /usr/bin is on the PATH";
        }
    },
    /**
     * Windows PowerShell 5 (PowerShell 7 has no WinRT types) reading the Credential Manager's PasswordVault. The
     * entry reaches the script through {@value #ENTRY_VARIABLE}, never through its text, so no name can inject code.
     */
    WINDOWS("powershell.exe", "the Windows Credential Manager (PasswordVault)") {
        @Override
        List<String> arguments(String entry) {
            return List.of("-NoProfile", "-NonInteractive", "-EncodedCommand", ENCODED_LOOKUP);
        }

        @Override
        Map<String, String> environment(String entry) {
            return Map.of(ENTRY_VARIABLE, entry);
        }

        @Override
        boolean notFound(int exit, String stderr) {
            return exit == NOT_FOUND_EXIT;
        }

        @Override
        String howToStore(String entry) {
            return "in Windows PowerShell: " + LOAD_VAULT + "; (New-Object " + VAULT + ").Add((New-Object "
                    + "Windows.Security.Credentials.PasswordCredential('" + SecretStore.SERVICE + "', '" + entry
                    + "', (Read-Host 'secret'))))";
        }

        @Override
        String whenMissing() {
            return "Windows PowerShell (powershell.exe) ships with Windows: check that it is on the PATH";
        }
    };

    static final String ENTRY_VARIABLE = "PROMPTDESK_SECRET_ENTRY";
    static final int NOT_FOUND_EXIT = 44;
    private static final String VAULT = "Windows.Security.Credentials.PasswordVault";
    private static final String LOAD_VAULT = "[void][" + VAULT + ",Windows.Security.Credentials,"
            + "ContentType=WindowsRuntime]";
    /** The lookup script; UTF-8 out without a byte-order mark, exit 44 when the vault has no such entry. */
    static final String LOOKUP_SCRIPT = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)",
            LOAD_VAULT,
            "$vault = New-Object " + VAULT,
            "try { $c = $vault.Retrieve('" + SecretStore.SERVICE + "', $env:" + ENTRY_VARIABLE + ") } "
                    + "catch { [Console]::Error.Write($_.Exception.Message); exit " + NOT_FOUND_EXIT + " }",
            "$c.RetrievePassword()",
            "[Console]::Out.Write($c.Password)");
    // -EncodedCommand (base64 of UTF-16LE) so that no quoting of the script survives Windows' command line rules.
    private static final String ENCODED_LOOKUP = Base64.getEncoder()
            .encodeToString(LOOKUP_SCRIPT.getBytes(StandardCharsets.UTF_16LE));

    private final String executable;
    private final String description;

    SecretTool(String executable, String description) {
        this.executable = executable;
        this.description = description;
    }

    /** The tool for the operating system named {@code osName} (the {@code os.name} property). */
    public static SecretTool forOs(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        return os.startsWith("mac") || os.startsWith("darwin") ? MACOS : LINUX;
    }

    /** The program run when no other is given, found on the PATH. */
    public String executable() {
        return executable;
    }

    String describe() {
        return description;
    }

    /** The arguments after the program, one list element each: nothing goes through a shell. */
    abstract List<String> arguments(String entry);

    /** Variables added to the tool's environment. */
    Map<String, String> environment(String entry) {
        return Map.of();
    }

    /** Whether a failed run means only that the store has no such entry. */
    abstract boolean notFound(int exit, String stderr);

    abstract String howToStore(String entry);

    /** What to do when the tool cannot be run at all. */
    abstract String whenMissing();
}
