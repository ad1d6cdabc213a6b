package io.promptdesk.bench;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.profanity.ProfanityDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cost of the no_profanity check per rendered output. Target: at most 3 microseconds for a 300-character benign
 * English text. Run with
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main ProfanityBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ProfanityBench {

    private static final String PROMPT = "You are a helpful assistant for Acme Corp. Summarise the customer's "
            + "message below in three short bullet points, keep a friendly and professional tone, and never "
            + "invent facts. If the message asks about billing, refer the customer to the billing team at "
            + "billing@example.com with the ticket id. Message: My order #4521 arrived late and the box was damp.";

    private ProfanityDetector detector;
    private String benign300;
    private String unicode300;
    private String disguised300;

    @Setup
    public void setUp() {
        detector = new ProfanityDetector();
        benign300 = PROMPT.substring(0, 300);
        unicode300 = ("Résumé des échanges — naïve café façade, Ｈｅｌｌｏ, привет, 你好. " + PROMPT).substring(0, 300);
        disguised300 = ("What the f u c k, this $h1t is fuuuucking b*llsh*t, ｆｕｃｋ. " + PROMPT).substring(0, 300);
    }

    @Benchmark
    public Detection benignEnglish300() {
        return detector.scan(benign300);
    }

    @Benchmark
    public Detection benignUnicode300() {
        return detector.scan(unicode300);
    }

    @Benchmark
    public Detection disguisedProfanity300() {
        return detector.scan(disguised300);
    }
}
