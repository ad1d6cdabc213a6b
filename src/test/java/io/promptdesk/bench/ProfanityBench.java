package io.promptdesk.bench;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.profanity.ProfanityDetector;
import io.promptdesk.engine.validation.profanity.ProfanityLevel;
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

    private static final String CHINESE = "童工在肯尼亚很常见。大多做工的孩童都活跃在农业中。2006年，联合国儿童基金会估计在沿海地区，"
            + "有高达30%的女孩被迫劳动。布列塔尼和她的妈妈去博物馆。门票费用是成人12美元，儿童10美元。";
    private static final String GERMAN = "Die Wände sind einen Zentimeter dick. Wie viele Bälle fing Josh Norman ab? "
            + "Mit 4:51 verbleibenden Minuten in der regulären Spielzeit brachte Carolina den Ball auf die eigene "
            + "24-Yard Line und bekam die Chance, einen spielentscheidenden Drive zu starten. Das lief nicht gut. ";

    private ProfanityDetector detector;
    private ProfanityDetector strict;
    private String benign300;
    private String chinese300;
    private String german300;
    private String unicode300;
    private String disguised300;

    @Setup
    public void setUp() {
        detector = new ProfanityDetector();
        strict = new ProfanityDetector(ProfanityLevel.STRICT, java.util.List.of(), java.util.List.of());
        benign300 = PROMPT.substring(0, 300);
        chinese300 = CHINESE.repeat(4).substring(0, 300);
        german300 = GERMAN.repeat(2).substring(0, 300);
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
    public Detection benignEnglish300Strict() {
        return strict.scan(benign300);
    }

    /** Chinese has no spaces, so every character may start a term. */
    @Benchmark
    public Detection benignChinese300() {
        return detector.scan(chinese300);
    }

    /** German text with words listed elsewhere ("dick", "nicht", "Bänder"), which the scan looks at closer. */
    @Benchmark
    public Detection benignGerman300() {
        return detector.scan(german300);
    }

    @Benchmark
    public Detection disguisedProfanity300() {
        return detector.scan(disguised300);
    }
}
