package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Both groups checked, copied and sorted, the larger work split over two threads: the second group is sorted on
 * the executor while the caller sorts the first (a JDK parallel sort would stay sequential here, as the common
 * pool of a two-core machine has one worker).
 */
record TwoGroups(SortedSample first, int droppedFirst, SortedSample second, int droppedSecond) {

    /** Below this many values in all, handing work to another thread costs more than it saves. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    static TwoGroups prepare(double[] first, String firstName, double[] second, String secondName,
                             boolean dropNonFinite, Executor executor) {
        if (first == null || second == null) {
            throw new BadInputException((first == null ? firstName : secondName) + ": no values given");
        }
        if ((long) first.length + second.length < PARALLEL_THRESHOLD) {
            FiniteValues.Copy a = FiniteValues.copy(first, firstName, dropNonFinite);
            FiniteValues.Copy b = FiniteValues.copy(second, secondName, dropNonFinite);
            return new TwoGroups(SortedSample.sortInPlace(a.values()), a.dropped(),
                    SortedSample.sortInPlace(b.values()), b.dropped());
        }
        CompletableFuture<FiniteValues.Copy> secondCopy = CompletableFuture.supplyAsync(
                () -> FiniteValues.copy(second, secondName, dropNonFinite), executor);
        CompletableFuture<SortedSample> secondSorted = secondCopy.thenApply(c -> SortedSample.sortInPlace(c.values()));
        FiniteValues.Copy a = FiniteValues.copy(first, firstName, dropNonFinite);
        SortedSample firstSorted = SortedSample.sortInPlace(a.values());
        try {
            SortedSample secondSample = secondSorted.join();
            return new TwoGroups(firstSorted, a.dropped(), secondSample, secondCopy.join().dropped());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
