package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.model.TestReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncCicdPipelineTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final TestRequest base = TestRequest.of("unused", PipelineFixture.CASES);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static List<String> templates(int n) {
        return IntStream.range(0, n).mapToObj(i -> PipelineFixture.TEMPLATE + " Variant " + i + ".").toList();
    }

    @Test
    void defaultsAreTheSpecsLimits() {
        assertThat(ResourceLimits.defaults()).isEqualTo(new ResourceLimits(10, Duration.ofSeconds(30), 512));
    }

    @Test
    void noMoreTemplatesRunAtOnceThanTheLimit() {
        // The first two tests wait for each other inside the run: the limit is reached, and the semaphore holds it.
        CountDownLatch both = new CountDownLatch(2);
        MemoryGauge meetingGauge = () -> {
            both.countDown();
            try {
                both.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        };
        AsyncCicdPipeline p = new AsyncCicdPipeline(new PromptTestRunner(1), pool,
                new ResourceLimits(2, Duration.ofSeconds(30), 512), meetingGauge);

        BatchReport r = p.runAll(templates(8), base);

        assertThat(r.peakConcurrency()).isEqualTo(2);
        assertThat(r.reports()).hasSize(8).allMatch(TestReport::passed);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void reportsKeepTheTemplatesOrder() {
        AsyncCicdPipeline p = new AsyncCicdPipeline(new PromptTestRunner(1), pool, ResourceLimits.defaults(), () -> 0);
        List<String> ts = List.of(PipelineFixture.TEMPLATE, "{product}", PipelineFixture.TEMPLATE + " More.");

        BatchReport r = p.runAll(ts, base);

        assertThat(r.reports()).extracting(TestReport::passed).containsExactly(true, false, true);
        assertThat(r.peakConcurrency()).isBetween(1, 3);
    }

    @Test
    void eachTestStopsAtTheTimeoutPerTest() {
        AtomicLong now = new AtomicLong();
        PromptTestRunner slow = new PromptTestRunner(1, pool, () -> now.addAndGet(Duration.ofSeconds(12).toNanos()));
        AsyncCicdPipeline p = new AsyncCicdPipeline(slow, pool, new ResourceLimits(1, Duration.ofSeconds(30), 512),
                () -> 0);
        TestRequest generous = new TestRequest("x", null, PipelineFixture.CASES, List.of("all"),
                Duration.ofMinutes(10), null, null);

        TestReport r = p.runAll(List.of(PipelineFixture.TEMPLATE), generous).reports().get(0);

        assertThat(r.passed()).isFalse();
        assertThat(r.passedTests()).isLessThan(PipelineFixture.CASES.size());
        assertThat(r.testCaseResults()).anySatisfy(c -> assertThat(c.error()).contains("timeout of 30"));
    }

    @Test
    void aBatchEstimatedOverTheMemoryLimitIsRefusedBeforeItStarts() {
        AtomicLong reads = new AtomicLong();
        AsyncCicdPipeline p = new AsyncCicdPipeline(new PromptTestRunner(1), pool,
                new ResourceLimits(10, Duration.ofSeconds(30), 1), () -> {
            reads.incrementAndGet();
            return 0;
        });
        String big = PipelineFixture.TEMPLATE + " ".repeat(20_000);

        assertThatThrownBy(() -> p.runAll(List.of(big, big), base)).isInstanceOf(ResourceLimitException.class)
                .hasMessageStartingWith("refused").hasMessageContaining("memory_limit_mb of 1");
        assertThat(reads).hasValue(0);
    }

    @Test
    void aBatchMeasuredOverTheMemoryLimitIsAborted() {
        AtomicLong used = new AtomicLong(100L << 20);
        MemoryGauge growing = () -> used.getAndAdd(300L << 20);
        AsyncCicdPipeline p = new AsyncCicdPipeline(new PromptTestRunner(1), pool, ResourceLimits.defaults(), growing);

        assertThatThrownBy(() -> p.runAll(templates(3), base)).isInstanceOf(ResourceLimitException.class)
                .hasMessageStartingWith("aborted").hasMessageContaining("memory_limit_mb of 512");
    }

    @Test
    void theEstimateGrowsWithTemplatesCasesAndConcurrency() {
        double one = AsyncCicdPipeline.estimateMb(templates(1), PipelineFixture.CASES, 10);
        double four = AsyncCicdPipeline.estimateMb(templates(4), PipelineFixture.CASES, 10);
        double fourTwoAtOnce = AsyncCicdPipeline.estimateMb(templates(4), PipelineFixture.CASES, 2);

        assertThat(four).isGreaterThan(3.9 * one);
        assertThat(fourTwoAtOnce).isLessThan(four).isGreaterThan(1.9 * one);
    }
}
