package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.json.Json;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code promptdesk registry list}: the models, or one model's versions. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the models with their aliases, or with --model that model's versions.")
public final class RegistryListCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--model", paramLabel = "M", description = "List this model's versions.")
    String model;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (Engines services = Engines.openForReading(options.config())) {
            if (model == null) {
                List<Model> models = services.registry().models();
                if (options.json) {
                    out.println(Json.pretty(models));
                } else if (models.isEmpty()) {
                    out.println("no models yet: promptdesk registry register --model M --version V --template-file F");
                } else {
                    models.forEach(m -> out.println(m.name() + "  " + m.versionCount() + " version(s)  "
                            + aliases(m.aliases())));
                }
            } else {
                List<ModelVersion> versions = services.registry().versions(model);
                Map<String, String> aliases = services.registry().model(model).aliases();
                if (options.json) {
                    out.println(Json.pretty(versions));
                } else {
                    for (ModelVersion v : versions) {
                        String at = aliases.entrySet().stream().filter(e -> e.getValue().equals(v.version()))
                                .map(Map.Entry::getKey).collect(Collectors.joining(", "));
                        out.println(v.version() + "  " + v.status().key() + "  by " + v.createdBy() + " at "
                                + v.createdAt() + (at.isEmpty() ? "" : "  [" + at + "]"));
                    }
                }
            }
        }
        out.flush();
        return PromptDeskCommand.EXIT_OK;
    }

    private static String aliases(Map<String, String> aliases) {
        return aliases.isEmpty() ? "" : aliases.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
