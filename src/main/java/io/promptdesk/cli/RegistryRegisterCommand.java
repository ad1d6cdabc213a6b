package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.testing.TextFiles;
import io.promptdesk.json.Json;
import io.promptdesk.model.TemplateDialect;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk registry register}: a template file becomes a new version of a model. */
@Command(name = "register",
        description = "Register a template as a new version of a model; its syntax is checked first.")
public final class RegistryRegisterCommand extends CliCommand implements Callable<Integer> {

    // Not the standard help mixin: its -V/--version would clash with this command's --version (a model version).
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;


    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--model", paramLabel = "M", required = true, description = "Model (deployment) name.")
    String model;

    @Option(names = "--version", paramLabel = "V", required = true, description = "New version name.")
    String version;

    @Option(names = "--template-file", paramLabel = "F", required = true, description = "Template file (UTF-8).")
    Path templateFile;

    @Option(names = "--status", paramLabel = "S", defaultValue = "candidate",
            description = "candidate, or stable to make it production at once (default: ${DEFAULT-VALUE}).")
    String status;

    @Option(names = "--dialect", paramLabel = "D", description = "python_format or double_brace (default: detected).")
    TemplateDialect dialect;

    @Option(names = "--test-report", paramLabel = "F", description = "JSON test report to keep with the version.")
    Path testReport;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A label; repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        VersionStatus s = VersionStatus.of(status);
        NewVersion request = new NewVersion(model, version, TextFiles.readUtf8(templateFile), dialect,
                testReport == null ? null : TextFiles.readUtf8(testReport), s, tags);
        try (Engines services = Engines.open(options.config())) {
            services.access().require(io.promptdesk.model.GuardedAction.REGISTER_VERSION, model);
            if (s == VersionStatus.STABLE) {
                // A version registered as stable becomes production at once: that is a release.
                services.access().require(io.promptdesk.model.GuardedAction.SET_ALIAS, model);
            }
            ModelVersion v = services.registry().register(request, services.by(reason));
            if (options.json) {
                out().println(Json.pretty(v));
            } else {
                out().println("registered " + v.model() + " " + v.version() + " (" + v.status().key() + ", "
                        + v.dialect().name().toLowerCase(java.util.Locale.ROOT) + ")"
                        + (s == VersionStatus.STABLE ? ", now production" : ""));
            }
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
