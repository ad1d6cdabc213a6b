package io.promptdesk.cli;

import io.promptdesk.engine.testing.CaseFiles;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.engine.validation.LengthUnit;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.profanity.ProfanityLevel;
import io.promptdesk.model.TemplateDialect;
import io.promptdesk.model.TestReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code promptdesk test}: render a template with each case and apply the validation rules. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run a template against test cases with the validation rules.",
        footer = {"", "Case files: JSON array of objects, JSONL, YAML list, or CSV with a header row.",
                "Rules: all, template_variables, min_length, max_length, no_profanity, sql_injection, "
                        + "prompt_injection.",
                "Exit codes: 0 passed, 1 failed, 2 bad usage or input."})
public final class TestCommand extends CliCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    TemplateSource template;

    @Option(names = "--cases", paramLabel = "F", required = true, description = "Test case file.")
    Path cases;

    @Option(names = "--rules", paramLabel = "RULES", split = ",", defaultValue = "all",
            description = "all, or a comma-separated list of rule names (default: ${DEFAULT-VALUE}).")
    List<String> rules;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "30",
            description = "Time limit of the whole run in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--threshold", paramLabel = "metric=value",
            description = "Limit on a performance metric (total_execution_time, average_test_time, "
                    + "memory_usage_mb, cpu_usage_percent); repeatable.")
    Map<String, Double> thresholds = new LinkedHashMap<>();

    @Option(names = "--min-length", paramLabel = "N", description = "Minimum rendered length (default: "
            + RuleSettings.DEFAULT_MIN_LENGTH + ").")
    Integer minLength;

    @Option(names = "--max-length", paramLabel = "N", description = "Maximum rendered length (default: "
            + RuleSettings.DEFAULT_MAX_LENGTH + ").")
    Integer maxLength;

    @Option(names = "--length-unit", paramLabel = "U", defaultValue = "characters",
            description = "characters or tokens (default: ${DEFAULT-VALUE}).")
    LengthUnit lengthUnit;

    @Option(names = "--encoding", paramLabel = "E", defaultValue = RuleSettings.DEFAULT_ENCODING,
            description = "Tokenizer for --length-unit tokens: cl100k_base or o200k_base.")
    String encoding;

    @Option(names = "--profanity-allow", paramLabel = "F", description = "File of terms never reported.")
    Path profanityAllow;

    @Option(names = "--profanity-deny", paramLabel = "F", description = "File of extra terms to report.")
    Path profanityDeny;

    @Option(names = "--profanity-level", paramLabel = "LEVEL", converter = ProfanityLevelConverter.class,
            description = "no_profanity level: standard (the default) or strict (also mild words: damn, crap, "
                    + "hell as an oath).")
    ProfanityLevel profanityLevel;

    @Option(names = "--dialect", paramLabel = "D", description = "python_format or double_brace (default: detected).")
    TemplateDialect dialect;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "" + PromptTestRunner.DEFAULT_MAX_WORKERS,
            description = "Parallel workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--json", description = "Print only the spec's JSON report on stdout.")
    boolean json;

    @Option(names = "--junit-xml", paramLabel = "F", description = "Also write a JUnit XML report.")
    Path junitXml;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds <= 0 || !Double.isFinite(timeoutSeconds)) {
            throw new io.promptdesk.model.BadInputException("--timeout must be a positive number of seconds, got "
                    + timeoutSeconds);
        }
        String text = template.read();
        List<Map<String, Object>> loaded = CaseFiles.read(cases);
        RuleSettings defaults = RuleSettings.defaults();
        RuleSettings settings = defaults
                .withLengths(minLength == null ? defaults.minLength() : minLength,
                        maxLength == null ? defaults.maxLength() : maxLength)
                .withUnit(lengthUnit, encoding)
                .withProfanityLists(terms(profanityAllow), terms(profanityDeny))
                .withProfanityLevel(profanityLevel);
        TestRequest request = new TestRequest(text, dialect, loaded, rules,
                Duration.ofNanos((long) (timeoutSeconds * 1e9)), thresholds, settings);
        TestReport report = new PromptTestRunner(workers).runTests(request);
        if (junitXml != null) {
            new JUnitXmlReport(template.name()).write(report, junitXml);
        }
        if (json) {
            JsonReport.write(report, out());
        } else {
            new TextReport(out()).print(report);
        }
        out().flush();
        return report.passed() ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
    }

    private static Set<String> terms(Path file) {
        return file == null ? Set.of() : TermFiles.read(file);
    }
}
