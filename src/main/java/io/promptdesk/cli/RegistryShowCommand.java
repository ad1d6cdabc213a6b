package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.json.Json;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.RegistryEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk registry show}: one version with its template, aliases and history. */
@Command(name = "show",
        description = "Show a version: status, template, test report, the aliases on it and its history.")
public final class RegistryShowCommand extends CliCommand implements Callable<Integer> {

    // Not the standard help mixin: its -V/--version would clash with this command's --version (a model version).
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;


    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--model", paramLabel = "M", required = true, description = "Model name.")
    String model;

    @Option(names = "--version", paramLabel = "V", required = true, description = "Version name.")
    String version;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (Engines services = Engines.openForReading(options.config())) {
            ModelVersion v = services.registry().get(model, version);
            List<String> aliases = services.registry().model(model).aliases().entrySet().stream()
                    .filter(e -> e.getValue().equals(version)).map(Map.Entry::getKey).toList();
            List<RegistryEvent> history = services.registry().history(model).stream()
                    .filter(e -> version.equals(e.version())).toList();
            if (options.json) {
                Map<String, Object> json = new LinkedHashMap<>(Json.mapper().readValue(Json.write(v),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                        }));
                json.put("aliases", aliases);
                json.put("history", history);
                out.println(Json.pretty(json));
            } else {
                out.println(v.model() + " " + v.version() + "  " + v.status().key() + "  by " + v.createdBy() + " at "
                        + v.createdAt() + (aliases.isEmpty() ? "" : "  [" + String.join(", ", aliases) + "]"));
                if (!v.tags().isEmpty()) {
                    out.println("tags: " + v.tags());
                }
                out.println("test report: " + (v.testReport() == null ? "none" : "kept (see --json)"));
                out.println("--- template (" + v.dialect().name().toLowerCase(java.util.Locale.ROOT) + ")");
                out.println(v.template());
                out.println("--- history");
                history.forEach(e -> out.println(e.at() + "  " + e.actor() + "  " + e.kind().key()
                        + (e.name() == null ? "" : " " + e.name()) + (e.from() == null && e.to() == null ? ""
                        : " " + e.from() + " -> " + e.to()) + (e.reason() == null ? "" : "  (" + e.reason() + ")")));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
