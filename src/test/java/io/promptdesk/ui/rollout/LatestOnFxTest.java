package io.promptdesk.ui.rollout;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Many snapshots from the ticks, one hop to the FX thread carrying the latest. */
class LatestOnFxTest {
    private final Deque<Runnable> fxQueue = new ArrayDeque<>();
    private final List<Integer> shown = new ArrayList<>();
    private final LatestOnFx<Integer> publish = new LatestOnFx<>(shown::add, fxQueue::add);

    @Test
    void valuesArrivingBeforeTheHopRunAreCoalescedIntoTheLatest() {
        publish.accept(1);
        publish.accept(2);
        publish.accept(3);

        assertThat(fxQueue).hasSize(1);
        fxQueue.poll().run();
        assertThat(shown).containsExactly(3);
    }

    @Test
    void aValueAfterTheHopSchedulesTheNextOne() {
        publish.accept(1);
        fxQueue.poll().run();
        publish.accept(2);

        assertThat(fxQueue).hasSize(1);
        fxQueue.poll().run();
        assertThat(shown).containsExactly(1, 2);
    }
}
