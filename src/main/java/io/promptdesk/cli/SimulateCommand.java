package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.json.Json;
import io.promptdesk.metrics.MetricsHttpServer;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code promptdesk simulate}: the embedded simulated service, headless, serving every deployment of the workspace
 * (its production version, and the canary of an active rollout at the rollout's percentage) with {@code /metrics}
 * on 127.0.0.1 for Prometheus. Routes follow the store, so rollouts driven elsewhere change the split.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the simulated service headless with its Prometheus /metrics endpoint on 127.0.0.1.")
public final class SimulateCommand extends CliCommand implements Callable<Integer> {
    private static final Duration REFRESH = Duration.ofSeconds(1);

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--port", paramLabel = "P", defaultValue = "9464",
            description = "Port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "" + SimulatedService.DEFAULT_RATE,
            description = "Requests per second per deployment (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the simulated traffic.")
    long seed;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds (default: run until stopped).")
    Double duration;

    @Override
    public Integer call() {
        if (duration != null && !(duration > 0)) {
            throw new BadInputException("--duration must be a positive number of seconds, got " + duration);
        }
        try (Engines services = Engines.open(options.config())) {
            SimulatedService sim = new SimulatedService(services.clock(), seed);
            sim.setDefaultRate(rate);
            routeFromStore(services, sim);
            try (MetricsHttpServer server = MetricsHttpServer.start(sim::prometheusText, port)) {
                if (options.json) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("url", server.uri().toString());
                    json.put("port", server.port());
                    out().println(Json.write(json));
                } else {
                    out().println("serving " + server.uri() + " (Ctrl-C to stop)");
                }
                out().flush();
                Instant end = duration == null ? Instant.MAX
                        : services.clock().instant().plusMillis((long) (duration * 1000));
                Instant nextRefresh = services.clock().instant().plus(REFRESH);
                while (services.clock().instant().isBefore(end)) {
                    sim.catchUp();
                    if (!services.clock().instant().isBefore(nextRefresh)) {
                        routeFromStore(services, sim);
                        nextRefresh = services.clock().instant().plus(REFRESH);
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return PromptDeskCommand.EXIT_OK;
    }

    private static void routeFromStore(Engines services, SimulatedService sim) {
        for (Model m : services.registry().models()) {
            String production = m.aliases().get(ModelRegistry.PRODUCTION);
            Optional<Rollout> active = services.rollouts().active(m.name());
            if (active.isPresent()) {
                Rollout r = active.get();
                sim.route(m.name(), r.stableVersion(), r.newVersion(), r.currentPercentage());
            } else if (production != null) {
                sim.route(m.name(), production, null, 0);
            }
        }
    }
}
