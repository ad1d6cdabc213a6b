package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.TrendResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The numbers behind the charts: histograms, density curves, box plots, the trend band, the intervals. */
class ChartDataTest {

    @Test
    void histogramsAndDensityCurvesIntegrateToTheShownShare() {
        double[] a = sortedNormal(new Random(1), 5_000, 100, 10);
        double[] b = sortedNormal(new Random(2), 3_000, 120, 15);

        DistributionData d = Densities.of(a, b);

        double width = d.binCenters()[1] - d.binCenters()[0];
        double shownA = 1 - (double) outside(a, d) / a.length;
        assertThat(Arrays.stream(d.baselineDensity()).sum() * width).isCloseTo(shownA, within(1e-9));
        double step = d.curveX()[1] - d.curveX()[0];
        assertThat(Arrays.stream(d.baselineCurve()).sum() * step).isCloseTo(1.0, within(0.03));
        assertThat(Arrays.stream(d.currentCurve()).sum() * step).isCloseTo(1.0, within(0.03));
        // The curve peaks near each mean.
        assertThat(d.curveX()[argMax(d.baselineCurve())]).isCloseTo(100, within(3.0));
        assertThat(d.curveX()[argMax(d.currentCurve())]).isCloseTo(120, within(4.0));
        assertThat(d.binCenters().length).isBetween(10, 80);
    }

    @Test
    void boxPlotsFollowNumPyQuartilesAndTukeyWhiskers() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 100};

        BoxStats box = BoxStats.of(sorted);

        assertThat(box.q1()).isEqualTo(3.0);
        assertThat(box.median()).isEqualTo(5.0);
        assertThat(box.q3()).isEqualTo(7.0);
        assertThat(box.lowWhisker()).isEqualTo(1.0);
        assertThat(box.highWhisker()).isEqualTo(8.0);
        assertThat(box.beyondWhiskers()).isEqualTo(1);
        assertThat(box.mean()).isCloseTo(136.0 / 9, within(1e-12));
        assertThat(BoxStats.of(new double[0]).n()).isZero();
    }

    @Test
    void thePredictionBandMeetsTheEnginesIntervalAtTheNextPoint() {
        double[] y = new double[40];
        Random r = new Random(3);
        for (int i = 0; i < y.length; i++) {
            y[i] = 50 + 0.8 * i + r.nextGaussian() * 4;
        }
        PerformanceRegressionDetector detector = new PerformanceRegressionDetector();

        TrendData t = TrendShapes.of(detector, Arrays.copyOf(y, 25), Arrays.copyOfRange(y, 25, 40),
                Double.NaN, Double.NaN);

        TrendResult.Prediction p = t.fit().prediction();
        int last = t.lineX().length - 1;
        assertThat(t.lineX()[last]).isEqualTo(p.at());
        assertThat(t.lineY()[last]).isCloseTo(p.value(), within(1e-9));
        assertThat(t.bandHalf()[last]).isCloseTo(p.upper() - p.value(), within(1e-9));
        assertThat(t.baselineX()).hasSize(25);
        assertThat(t.currentX()[0]).isEqualTo(25.0);
        assertThat(t.bucket()).isEqualTo(1);
        assertThat(t.yMin()).isLessThan(t.bandLower()[0]);
        assertThat(t.yMax()).isGreaterThan(t.bandUpper()[last]);
        assertThat(t.hidden()).isZero();
    }

    @Test
    void farOutValuesLeaveTheShownRangeAndAreCounted() {
        double[] b = sortedNormal(new Random(5), 400, 420, 60);
        double[] c = sortedNormal(new Random(6), 360, 490, 70);
        c[c.length - 1] = 3_000;
        c[c.length - 2] = 2_800;

        DistributionData d = Densities.of(b, c);
        TrendData t = TrendShapes.of(new PerformanceRegressionDetector(), b, c, d.low(), d.high());

        assertThat(d.hidden()).isEqualTo(2);
        assertThat(d.high()).isLessThan(1_000);
        assertThat(t.hidden()).isEqualTo(2);
        assertThat(t.yMax()).isLessThan(1_100);
    }

    @Test
    void aSeriesTooShortToFitIsExplainedNotThrown() {
        TrendData t = TrendShapes.of(new PerformanceRegressionDetector(), new double[]{5}, new double[0],
                Double.NaN, Double.NaN);

        assertThat(t.fit()).isNull();
        assertThat(t.error()).contains("at least 2");
        assertThat(t.baselineY()).containsExactly(5.0);
    }

    @Test
    void aMillionValuesPerGroupBecomeAFewThousandPointsToDraw() {
        Random r = new Random(4);
        double[] b = new double[1_000_000];
        double[] c = new double[1_000_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = 400 + 40 * r.nextGaussian();
            c[i] = 404 + 40 * r.nextGaussian();
        }
        Settings settings = new Settings("latency", List.of("t_test", "mann_whitney"), Direction.INCREASE, 0.95,
                0.5, 3.0, false, TrendSeries.BASELINE_THEN_CURRENT);

        AnalysisOutcome o = AnalysisJob.run(new LoadedSample("b", b), new LoadedSample("c", c), settings, null,
                () -> false);

        assertThat(o.succeeded()).isTrue();
        assertThat(o.shapes().distribution().points()).isLessThan(1_000);
        assertThat(o.trend().points()).isLessThanOrEqualTo(2 * TrendShapes.MAX_POINTS + 100);
        assertThat(o.trend().bucket()).isEqualTo(2_000);
        assertThat(o.intervals().difference()).isCloseTo(4.0, within(0.5));
        assertThat(o.intervals().bandHalf()).isCloseTo(20.0, within(0.5));
    }

    @Test
    void meanIntervalsUseStudentsTOnTheAnalysedValues() {
        assertThat(IntervalData.half(2.0, 10, 0.95)).isCloseTo(2.262157 * 2.0 / Math.sqrt(10), within(1e-5));
        assertThat(IntervalData.half(2.0, 1, 0.95)).isNaN();
    }

    private static double[] sortedNormal(Random r, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * r.nextGaussian();
        }
        Arrays.sort(v);
        return v;
    }

    private static int outside(double[] values, DistributionData d) {
        double half = (d.binCenters()[1] - d.binCenters()[0]) / 2;
        double lo = d.binCenters()[0] - half;
        double hi = d.binCenters()[d.binCenters().length - 1] + half;
        return (int) Arrays.stream(values).filter(v -> v < lo || v > hi).count();
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
