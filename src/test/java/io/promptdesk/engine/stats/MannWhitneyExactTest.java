package io.promptdesk.engine.stats;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

class MannWhitneyExactTest {

    @Test
    void tailsAgreeWithExactIntegerCounts() {
        int[][] sizes = {{1, 6}, {2, 2}, {5, 5}, {8, 8}, {3, 40}, {8, 200}, {5, 1000}};
        for (int[] s : sizes) {
            int m = s[0];
            int n = s[1];
            BigInteger[] counts = counts(m, n);
            BigInteger total = BigInteger.ZERO;
            for (BigInteger c : counts) {
                total = total.add(c);
            }
            for (long u = 0; u <= (long) m * n; u += Math.max(1, m * n / 37)) {
                BigInteger tail = BigInteger.ZERO;
                for (int k = (int) u; k < counts.length; k++) {
                    tail = tail.add(counts[k]);
                }
                double expected = new BigDecimal(tail).divide(new BigDecimal(total), MathContext.DECIMAL128)
                        .doubleValue();
                double actual = MannWhitneyExact.sf(u, m, n);
                assertThat(Math.abs(actual - expected)).as("P(U >= %d) for %d, %d", u, m, n)
                        .isLessThanOrEqualTo(1e-12 * expected);
            }
        }
    }

    @Test
    void tinyTailsKeepTheirRelativePrecision() {
        // complete separation of 8 and 8: P(U >= 64) = 1 / C(16, 8)
        assertThat(MannWhitneyExact.sf(64, 8, 8)).isEqualTo(1.0 / 12870);
        assertThat(MannWhitneyExact.sf(0, 8, 8)).isEqualTo(1.0);
    }

    /** Arrangements by U, counted with big integers by the recurrence f(m, n, k) = f(m-1, n, k-n) + f(m, n-1, k). */
    private static BigInteger[] counts(int m, int n) {
        BigInteger[][] prev = new BigInteger[n + 1][];
        for (int j = 0; j <= n; j++) {
            prev[j] = new BigInteger[]{BigInteger.ONE};
        }
        for (int i = 1; i <= m; i++) {
            BigInteger[][] cur = new BigInteger[n + 1][];
            cur[0] = new BigInteger[]{BigInteger.ONE};
            for (int j = 1; j <= n; j++) {
                BigInteger[] c = new BigInteger[i * j + 1];
                for (int k = 0; k <= i * j; k++) {
                    BigInteger a = k - j >= 0 && k - j < prev[j].length ? prev[j][k - j] : BigInteger.ZERO;
                    BigInteger b = k < cur[j - 1].length ? cur[j - 1][k] : BigInteger.ZERO;
                    c[k] = a.add(b);
                }
                cur[j] = c;
            }
            prev = cur;
        }
        return prev[n];
    }
}
