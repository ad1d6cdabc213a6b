package io.promptdesk.bench;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.TemplateParser;
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

/** Live validation: the parse the editor runs on every keystroke, on a 20 KB template with 200 placeholders. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplateValidationBench {

    private String valid;
    private String withError;

    @Setup
    public void setup() {
        valid = BenchData.largeTemplate(20_000, 200);
        // A keystroke that breaks a placeholder in the middle of the text.
        int mid = valid.indexOf('{', valid.length() / 2);
        withError = valid.substring(0, mid + 1) + " " + valid.substring(mid + 1);
    }

    @Benchmark
    public ParsedTemplate parseValid20kb() {
        return TemplateParser.parse(valid);
    }

    @Benchmark
    public ParsedTemplate parseWithError20kb() {
        return TemplateParser.parse(withError);
    }
}
