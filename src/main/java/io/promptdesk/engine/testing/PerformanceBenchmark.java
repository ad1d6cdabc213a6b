package io.promptdesk.engine.testing;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.engine.validation.CaseContext;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.engine.validation.ValidationRule;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.Finding;
import io.promptdesk.model.PromptValidationException;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** Times rendering plus all rules per case, repeatedly, on the calling thread. */
final class PerformanceBenchmark {

    private final LongSupplier ticker;

    PerformanceBenchmark(LongSupplier ticker) {
        this.ticker = ticker;
    }

    BenchmarkReport run(ParsedTemplate template, List<? extends Map<String, ?>> cases, int iterations) {
        if (iterations < 1) {
            throw new BadInputException("iterations must be at least 1, got " + iterations);
        }
        if (!template.isValid()) {
            throw new PromptValidationException("cannot benchmark a template with syntax errors: first at "
                    + template.diagnostics().get(0));
        }
        List<ValidationRule> rules = Rules.resolve(Rules.ALL_NAMES, RuleSettings.defaults());
        List<Finding> sink = new ArrayList<>();
        double[] all = new double[cases.size() * iterations];
        List<BenchmarkReport.CaseTiming> timings = new ArrayList<>(cases.size());
        long start = ticker.getAsLong();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, ?> values = cases.get(i);
            double[] times = new double[iterations];
            for (int k = 0; k < iterations; k++) {
                long t0 = ticker.getAsLong();
                String out = template.firstMissing(values) == null ? template.render(values) : null;
                CaseContext c = new CaseContext(template, i, values, out);
                sink.clear();
                for (ValidationRule r : rules) {
                    r.checkCase(c, sink);
                }
                times[k] = (ticker.getAsLong() - t0) / 1e9;
            }
            System.arraycopy(times, 0, all, i * iterations, iterations);
            timings.add(new BenchmarkReport.CaseTiming(i, mean(times), percentile(times, 50),
                    percentile(times, 95), percentile(times, 99)));
        }
        double total = (ticker.getAsLong() - start) / 1e9;
        return new BenchmarkReport(iterations, total, total > 0 ? all.length / total : 0.0, mean(all),
                percentile(all, 50), percentile(all, 95), percentile(all, 99), timings);
    }

    private static double mean(double[] v) {
        return v.length == 0 ? 0.0 : Arrays.stream(v).sum() / v.length;
    }

    private static double percentile(double[] v, double p) {
        if (v.length == 0) {
            return 0.0;
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(v, p);
    }
}
