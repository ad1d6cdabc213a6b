package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import com.fasterxml.jackson.core.type.TypeReference;
import io.promptdesk.engine.rollout.DesiredState;
import io.promptdesk.engine.rollout.Drift;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk rollout status}: the spec's get_rollout_status. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the deployment's latest rollout: status, stage, percentage and health, and any drift "
                + "of the router or registry from what the store records (JSON key drift, empty when they agree).")
public final class RolloutStatusCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Override
    public Integer call() {
        try (Engines services = Engines.openForReading(options.config())) {
            GradualRolloutManager manager = services.reader(deployment);
            Rollout r = manager.status();
            List<Drift> drift = manager.drift();
            if (options.json) {
                Map<String, Object> view = Json.mapper().convertValue(RolloutView.of(r),
                        new TypeReference<LinkedHashMap<String, Object>>() {
                        });
                view.put("drift", drift);
                view.put("desired", services.rollouts().desired(deployment).map(RolloutStatusCommand::desired)
                        .orElse(null));
                java.time.Instant now = services.clock().instant();
                view.put("driver", services.rollouts().leaseOf(deployment).map(l -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("holder", l.holder());
                    d.put("lease_expires_at", l.expiresAt().toString());
                    d.put("live", l.expiresAt().isAfter(now));
                    return d;
                }).orElse(null));
                out().println(Json.pretty(view));
            } else {
                RolloutCommand.print(r, services.clock().instant(), false, out());
                out().println("world   " + (drift.isEmpty() ? "router and registry agree with the record"
                        : drift.size() + " drift(s) from the record; promptdesk reconcile repairs them"));
                drift.forEach(d -> out().println("drift   " + d.describe()));
            }
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }

    /** What the store says router and registry should say, and which generation the router acknowledged. */
    private static Map<String, Object> desired(DesiredState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", s.generation());
        m.put("owner", s.owner());
        m.put("production", s.production());
        m.put("canary", s.canary());
        m.put("canary_percentage", s.canaryPercent());
        m.put("router_confirmed_generation", s.routerConfirmed());
        m.put("source", s.source());
        return m;
    }
}
