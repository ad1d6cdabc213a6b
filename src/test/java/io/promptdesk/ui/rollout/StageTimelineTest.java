package io.promptdesk.ui.rollout;

import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.RolloutStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What each step of the stage timeline shows, for every rollout status. */
class StageTimelineTest {

    private static StepState[] states(int stages, int current, RolloutStatus status) {
        return IntStream.range(0, stages).mapToObj(i -> StepState.of(i, current, status)).toArray(StepState[]::new);
    }

    @Test
    void stagesBeforeTheCurrentArePassedAndAfterItPending() {
        assertThat(states(4, 2, RolloutStatus.IN_PROGRESS)).containsExactly(StepState.DONE, StepState.DONE,
                StepState.CURRENT, StepState.PENDING);
        assertThat(states(4, 1, RolloutStatus.PAUSED)).containsExactly(StepState.DONE, StepState.PAUSED,
                StepState.PENDING, StepState.PENDING);
        assertThat(states(3, 2, RolloutStatus.COMPLETED)).containsOnly(StepState.DONE);
        assertThat(states(3, -1, null)).containsOnly(StepState.PENDING);
    }

    @Test
    void theStageWhereARolloutStoppedIsMarkedWithHowItStopped() {
        assertThat(states(4, 1, RolloutStatus.FAILED)).containsExactly(StepState.DONE, StepState.FAILED,
                StepState.PENDING, StepState.PENDING);
        assertThat(states(4, 0, RolloutStatus.ROLLED_BACK)).startsWith(StepState.ABORTED);
        assertThat(StageTimelineSkin.caption(StepState.FAILED, HealthOutcome.UNHEALTHY, Duration.ZERO, false))
                .isEqualTo("\u2715 failed here");
        assertThat(StageTimelineSkin.detail(StepState.FAILED, HealthOutcome.UNHEALTHY, Duration.ZERO,
                Duration.ZERO)).isEqualTo("unhealthy");
        assertThat(StageTimelineSkin.caption(StepState.ABORTED, null, Duration.ZERO, false))
                .isEqualTo("\u2715 aborted here");
    }

    @Test
    void theCurrentStageShowsItsClockAndPassedOnesTheirVerdict() {
        assertThat(StageTimelineSkin.caption(StepState.CURRENT, HealthOutcome.INCONCLUSIVE,
                Duration.ofSeconds(130), false)).isEqualTo("2:10 elapsed");
        assertThat(StageTimelineSkin.detail(StepState.CURRENT, HealthOutcome.INCONCLUSIVE,
                Duration.ofSeconds(130), Duration.ofSeconds(170))).isEqualTo("2:50 left \u00b7 inconclusive");
        assertThat(StageTimelineSkin.caption(StepState.PAUSED, HealthOutcome.UNHEALTHY, Duration.ofSeconds(61),
                false)).isEqualTo("paused at 1:01");
        assertThat(StageTimelineSkin.caption(StepState.DONE, HealthOutcome.HEALTHY, Duration.ZERO, false))
                .isEqualTo("\u2713 healthy");
        assertThat(StageTimelineSkin.caption(StepState.DONE, HealthOutcome.HEALTHY, Duration.ZERO, true))
                .isEqualTo("\u2713 complete");
        assertThat(StageTimelineSkin.caption(StepState.DONE, null, Duration.ZERO, false)).isEqualTo("passed");
        assertThat(StageTimelineSkin.caption(StepState.PENDING, null, Duration.ZERO, false)).isEmpty();
    }
}
