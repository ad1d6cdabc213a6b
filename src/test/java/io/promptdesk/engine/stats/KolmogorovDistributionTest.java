package io.promptdesk.engine.stats;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.promptdesk.engine.stats.ReferenceCases.assertP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asymptotic KS p-value against SciPy 1.10 on a grid that reaches each of its branches (Ruben-Gambino,
 * Durbin, Pomeranz, doubled Smirnov, Pelz-Good, the n &gt; 1e6 approximation). The grid was written by
 * {@code bench/kstwo_reference.py}.
 */
class KolmogorovDistributionTest {

    @Test
    void kstwoSurvivalAndSmirnovAgreeWithScipyOnEveryBranch() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("kstwo-scipy.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                rows.add(new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])});
            }
        }
        assertThat(rows).hasSizeGreaterThan(400);
        for (double[] row : rows) {
            int n = (int) row[0];
            double x = row[1];
            assertP("kstwo.sf(" + x + ", " + n + ")", row[2], KolmogorovDistribution.sf(x, n));
            assertP("smirnov(" + n + ", " + x + ")", row[3], SmirnovDistribution.sf(n, x));
        }
    }

    @Test
    void undefinedSampleSizesGiveNaN() {
        assertThat(KolmogorovDistribution.sf(0.1, 2.5)).isNaN();
        assertThat(KolmogorovDistribution.sf(0.1, 0)).isNaN();
        assertThat(KolmogorovDistribution.sf(Double.NaN, 10)).isNaN();
    }
}
