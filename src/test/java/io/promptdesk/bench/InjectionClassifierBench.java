package io.promptdesk.bench;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.engine.validation.injection.InjectionClassifier;
import io.promptdesk.engine.validation.injection.PromptInjectionDetector;
import io.promptdesk.model.Finding;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cost of the learned prompt-injection classifier: alone on a 300-character text and a 2 KB template, the whole
 * detector (named signals, then the classifier) on the same texts and with the rules alone for comparison, and the
 * console's keystroke check (all six rules, {@link Rules#checkOne}) of a 2 KB template with 10 values.
 * Goal: the keystroke check at most 2 ms.
 * Run: {@code bench/run-jmh.sh InjectionClassifierBench -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class InjectionClassifierBench {

    private InjectionClassifier classifier;
    private PromptInjectionDetector detector;
    private PromptInjectionDetector rulesOnly;
    private String benign300;
    private String template2k;
    private ParsedTemplate parsed;
    private Map<String, Object> values;
    private RuleSettings settings;

    @Setup
    public void setUp() {
        classifier = InjectionClassifier.shipped();
        detector = new PromptInjectionDetector();
        rulesOnly = PromptInjectionDetector.rulesOnly();
        benign300 = "Please summarise the quarterly sales report for the regional managers. Focus on the main revenue "
                + "drivers, ignore the noise in the weekly data, and highlight any risks that could affect next "
                + "quarter's targets. Keep the tone neutral and the summary under 200 words, with three bullets.";
        StringBuilder t = new StringBuilder("You are a support assistant for {{product}}. Answer the customer "
                + "politely and in {{language}}. ");
        values = new LinkedHashMap<>();
        values.put("product", "Acme Router X2");
        values.put("language", "English");
        for (int i = 0; t.length() < 1900; i++) {
            String v = "field" + i;
            if (values.size() < 10) {
                t.append("Context ").append(i).append(": {{").append(v).append("}}. ");
                values.put(v, "The customer wrote about order " + (1000 + i) + " and the delivery date.");
            }
            t.append("Keep answers short, cite the order number, never promise refunds the policy does not "
                    + "cover, and offer to escalate when the customer asks for a manager. ");
        }
        template2k = t.toString();
        parsed = TemplateParser.parse(template2k);
        settings = RuleSettings.defaults();
    }

    @Benchmark
    public double classifier300Chars() {
        return classifier.probability(benign300);
    }

    @Benchmark
    public double classifier2KbTemplate() {
        return classifier.probability(template2k);
    }

    @Benchmark
    public Detection detector300Chars() {
        return detector.scan(benign300);
    }

    @Benchmark
    public Detection rulesOnly300Chars() {
        return rulesOnly.scan(benign300);
    }

    @Benchmark
    public Detection detector2KbTemplate() {
        return detector.scan(template2k);
    }

    @Benchmark
    public List<Finding> keystrokeCheck2KbTemplate10Values() {
        return Rules.checkOne(parsed, values, settings);
    }
}
