package io.promptdesk.routing;

import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.mlflow.MlflowClient;
import io.promptdesk.registry.mlflow.MlflowModel;
import io.promptdesk.registry.mlflow.MlflowModelRegistry;

import java.time.Duration;
import java.util.Optional;

/**
 * Routes traffic for serving layers that read MLflow: the {@code canary} alias names the canary version and the
 * registered model's tag {@value #PERCENT_TAG} its share of traffic (0 when there is none). The alias moves go
 * through the registry, so they are recorded in our history. Failures raise {@link TrafficRoutingException}.
 */
public final class MlflowAliasTrafficRouter implements TrafficRouter {
    public static final String PERCENT_TAG = "promptdesk.canary_percentage";

    private final MlflowModelRegistry registry;
    private final MlflowClient client;
    private final Attribution by;
    private final Duration budget;

    public MlflowAliasTrafficRouter(MlflowModelRegistry registry, MlflowClient client, Attribution by,
                                    Duration budget) {
        this.registry = registry;
        this.client = client;
        this.by = by;
        this.budget = budget;
    }

    /** The registered model's canary alias and tag: its acknowledgement of a generation is stored against it. */
    @Override
    public String target() {
        return targetOf(client.endpoint().baseUrl());
    }

    /**
     * Read back from MLflow: production is the stable side, the canary alias and the percentage tag the canary's
     * share. Empty when the model has no production alias or the tag is not a percentage (nothing to compare).
     */
    @Override
    public Optional<TrafficSplit> current(String deployment) {
        Optional<MlflowModel> m = client.getRegisteredModel(deployment, budget);
        if (m.isEmpty() || m.get().aliases().get(ModelRegistry.PRODUCTION) == null) {
            return Optional.empty();
        }
        String stable = m.get().aliases().get(ModelRegistry.PRODUCTION);
        String canary = m.get().aliases().get(ModelRegistry.CANARY);
        int percent;
        try {
            percent = Integer.parseInt(m.get().tags().getOrDefault(PERCENT_TAG, "0").strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (canary == null || percent == 0) {
            return Optional.of(TrafficSplit.stableOnly(stable));
        }
        if (percent < 0 || percent > 100) {
            return Optional.empty();
        }
        return Optional.of(new TrafficSplit(stable, canary, percent));
    }

    @Override
    public void route(String deployment, String stableVersion, String canaryVersion, int canaryPercent) {
        try {
            if (canaryVersion == null || canaryPercent == 0) {
                client.setRegisteredModelTag(deployment, PERCENT_TAG, "0", budget);
                registry.removeAlias(deployment, ModelRegistry.CANARY, by);
            } else {
                // The alias first: a reader that sees the new share also finds the version it belongs to.
                registry.setAlias(deployment, ModelRegistry.CANARY, canaryVersion, by);
                client.setRegisteredModelTag(deployment, PERCENT_TAG, Integer.toString(canaryPercent), budget);
            }
        } catch (PromptDeskException e) {
            throw new TrafficRoutingException("the traffic change of " + deployment + " (" + (canaryVersion == null
                    ? "all traffic to " + stableVersion : canaryPercent + "% to " + canaryVersion)
                    + ") did not reach MLflow: " + e.getMessage());
        }
    }

    /** The target named for a router at {@code url}: the same string whether or not its secret is at hand. */
    public static String targetOf(okhttp3.HttpUrl url) {
        return "mlflow " + url.newBuilder().username("").password("").build();
    }
}
