package io.promptdesk.ui.rollback;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchOnFxTest {

    @Test
    void itemsArrivingBeforeTheHopRunsTravelInOneBatch() {
        Deque<Runnable> hops = new ArrayDeque<>();
        List<List<Integer>> batches = new ArrayList<>();
        BatchOnFx<Integer> batch = new BatchOnFx<>(batches::add, hops::add);

        batch.accept(1);
        batch.accept(2);
        batch.accept(3);
        assertThat(hops).hasSize(1);
        hops.poll().run();
        batch.accept(4);
        assertThat(hops).hasSize(1);
        hops.poll().run();

        assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4));
    }
}
