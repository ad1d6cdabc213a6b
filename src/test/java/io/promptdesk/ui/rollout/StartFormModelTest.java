package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.DeploymentChoice;
import io.promptdesk.app.rollout.StartRequest;

import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.Metric;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The start form validates as the person types and says why it cannot start. */
class StartFormModelTest {
    private final StartFormModel form = new StartFormModel();

    @BeforeEach
    void choices() {
        form.update(List.of(new DeploymentChoice("hooks", "1.0", List.of("1.1", "1.2"), false),
                new DeploymentChoice("busy", "3.0", List.of("3.1"), true)), 1, 3);
    }

    @Test
    void aValidFormDescribesThePlanInEngineUnits() {
        form.stagesProperty().set("5, 25,50 100%");
        form.stageSecondsProperty().set("90");
        form.intervalSecondsProperty().set("15");
        form.limitProperty(Metric.ENGAGEMENT_RATE).set("20");
        form.policyProperty().set(UnhealthyPolicy.ROLLBACK);
        form.reasonProperty().set("new tone");

        StartRequest r = form.toStart();

        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(r.deployment()).isEqualTo("hooks");
        assertThat(r.version()).as("the newest candidate is offered").isEqualTo("1.2");
        assertThat(r.plan().stages()).containsExactly(5, 25, 50, 100);
        assertThat(r.plan().stageDuration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(r.plan().healthCheckInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(r.plan().thresholds()).containsEntry(Metric.ERROR_RATE, 0.05)
                .containsEntry(Metric.LATENCY_P95, 1.0).containsEntry(Metric.ENGAGEMENT_RATE, 0.2);
        assertThat(r.plan().onUnhealthy()).isEqualTo(UnhealthyPolicy.ROLLBACK);
        assertThat(r.reason()).isEqualTo("new tone");
    }

    @Test
    void eachProblemIsSaidAndClearsWhenFixed() {
        form.stagesProperty().set("10, 5, 100");
        assertThat(form.problemProperty().get()).contains("strictly increasing");
        assertThat(form.requestProperty().get()).isNull();

        form.stagesProperty().set("10, ten, 100");
        assertThat(form.problemProperty().get()).isEqualTo("stages: 'ten' is not a whole percentage; write e.g. "
                + StartFormModel.DEFAULT_STAGES);

        form.stagesProperty().set("10, 50");
        assertThat(form.problemProperty().get()).contains("the last stage must be 100");

        form.stagesProperty().set(StartFormModel.DEFAULT_STAGES);
        form.limitProperty(Metric.LATENCY_P95).set("slow");
        assertThat(form.problemProperty().get()).isEqualTo("the latency p95 limit: 'slow' is not a number");

        form.metricProperty(Metric.LATENCY_P95).set(false);
        assertThat(form.problemProperty().get()).as("an unchecked metric's limit does not count").isEmpty();

        form.stageSecondsProperty().set("0.5");
        assertThat(form.problemProperty().get()).contains("stage duration must be at least one second");
        form.stageSecondsProperty().set("60");

        for (Metric m : Metric.values()) {
            form.metricProperty(m).set(false);
        }
        assertThat(form.problemProperty().get()).contains("at least one health metric");
        form.metricProperty(Metric.ERROR_RATE).set(true);
        assertThat(form.requestProperty().get()).isNotNull();
    }

    @Test
    void aBusyDeploymentOrAFullHouseCannotStart() {
        form.deploymentProperty().set("busy");
        assertThat(form.problemProperty().get()).startsWith("busy already has a rollout in progress or paused");

        form.deploymentProperty().set("hooks");
        form.update(List.of(new DeploymentChoice("hooks", "1.0", List.of("1.1"), false)), 3, 3);
        assertThat(form.problemProperty().get()).isEqualTo("3 rollouts are active; at most 3 run at once: "
                + "complete or abort one first");
    }

    @Test
    void withoutCandidatesOrDeploymentsTheFormPointsToTheAuthorWorkspace() {
        form.update(List.of(new DeploymentChoice("hooks", "1.0", List.of(), false)), 0, 3);
        assertThat(form.versionProperty().get()).isNull();
        assertThat(form.problemProperty().get()).contains("hooks has no candidate version")
                .contains("Author workspace");

        form.update(List.of(), 0, 3);
        assertThat(form.deploymentProperty().get()).isNull();
        assertThat(form.problemProperty().get()).contains("no deployment has a production version yet");
    }

    @Test
    void refreshedChoicesKeepWhatThePersonChose() {
        form.versionProperty().set("1.1");
        form.update(List.of(new DeploymentChoice("hooks", "1.0", List.of("1.1", "1.2", "1.3"), false)), 1, 3);

        assertThat(form.deploymentProperty().get()).isEqualTo("hooks");
        assertThat(form.versionProperty().get()).isEqualTo("1.1");
        assertThat(form.versions()).containsExactly("1.1", "1.2", "1.3");
    }
}
