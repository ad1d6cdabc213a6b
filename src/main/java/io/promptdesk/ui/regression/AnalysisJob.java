package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.PerformanceRegressionDetector.Analysis;
import io.promptdesk.model.BadInputException;

import java.util.function.BooleanSupplier;

/**
 * The background work behind one analysis: shapes (reused from the previous outcome when the samples are the
 * same), the engine's analysis under the settings, the intervals and the trend. It checks for cancellation
 * between steps and then returns null, since a newer request has replaced it.
 */
final class AnalysisJob {

    private AnalysisJob() {
    }

    static AnalysisOutcome run(LoadedSample baseline, LoadedSample current, Settings settings,
                               AnalysisOutcome previous, BooleanSupplier cancelled) {
        SampleShapes shapes = previous != null && previous.shapes().isFor(baseline, current)
                ? previous.shapes() : SampleShapes.of(baseline, current);
        if (cancelled.getAsBoolean()) {
            return null;
        }
        PerformanceRegressionDetector detector;
        try {
            detector = new PerformanceRegressionDetector(settings.confidence(), settings.minEffectSize(),
                    settings.outlierThreshold());
        } catch (BadInputException e) {
            return new AnalysisOutcome(settings, shapes, null, null, null, e.getMessage());
        }
        TrendData trend = previous != null && previous.shapes() == shapes && previous.trend() != null
                && previous.settings().trendSeries() == settings.trendSeries()
                ? previous.trend() : trend(detector, shapes, settings.trendSeries());
        if (cancelled.getAsBoolean()) {
            return null;
        }
        if (settings.tests().isEmpty()) {
            return new AnalysisOutcome(settings, shapes, null, null, trend,
                    "choose at least one test: t_test or mann_whitney");
        }
        try {
            Analysis analysis = detector.analyse(baseline.view(), current.view(), settings.metricName(),
                    settings.tests(), settings.direction(), settings.dropNonFinite());
            IntervalData intervals = IntervalData.of(analysis.regression(), shapes.finiteBaseline().length,
                    shapes.finiteCurrent().length, settings.confidence(), settings.minEffectSize());
            return new AnalysisOutcome(settings, shapes, analysis, intervals, trend, null);
        } catch (BadInputException e) {
            return new AnalysisOutcome(settings, shapes, null, null, trend, e.getMessage());
        }
    }

    private static TrendData trend(PerformanceRegressionDetector detector, SampleShapes shapes, TrendSeries series) {
        double[] none = new double[0];
        double lo = shapes.distribution().low();
        double hi = shapes.distribution().high();
        return switch (series) {
            case BASELINE_THEN_CURRENT -> TrendShapes.of(detector, shapes.finiteBaseline(), shapes.finiteCurrent(),
                    lo, hi);
            case CURRENT -> TrendShapes.of(detector, none, shapes.finiteCurrent(), lo, hi);
            case BASELINE -> TrendShapes.of(detector, shapes.finiteBaseline(), none, lo, hi);
        };
    }
}
