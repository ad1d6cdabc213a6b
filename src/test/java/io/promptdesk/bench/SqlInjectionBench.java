package io.promptdesk.bench;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.sqli.SqlInjectionDetector;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the sql_injection check per text. Run with
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main SqlInjectionBench -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SqlInjectionBench {

    /** About 300 characters of ordinary prompt prose, apostrophes and all. */
    static final String PROSE = "Write a friendly, professional summary of the quarterly report for the sales team. "
            + "Mention that revenue grew in every region, that the new onboarding process cut churn, and that "
            + "we'll hire two engineers next month. Don't use jargon; keep it under 200 words and end with a "
            + "clear call to action for the team.";

    /** Prose that trips the fast path (quotes, parentheses, "select", "or" next to a number) without attacking. */
    static final String PROSE_WITH_SQL_WORDS = "Please select the best option (a, b or 2) and 'explain' why; "
            + "the union of workers said: \"drop us a line\" -- where is George?";

    static final String ATTACK = "admin' OR '1'='1' -- ";

    static final String ENCODED_ATTACK = "1%2527%2520UNION%2520SELECT%2520password%2520FROM%2520users--";

    private final SqlInjectionDetector detector = new SqlInjectionDetector();

    @Benchmark
    public Detection benignProse300() {
        return detector.scan(PROSE);
    }

    @Benchmark
    public Detection proseWithSqlWords() {
        return detector.scan(PROSE_WITH_SQL_WORDS);
    }

    @Benchmark
    public Detection shortAttack() {
        return detector.scan(ATTACK);
    }

    @Benchmark
    public Detection doubleEncodedAttack() {
        return detector.scan(ENCODED_ATTACK);
    }
}
