package io.promptdesk.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static io.promptdesk.engine.stats.ReferenceCases.array;
import static io.promptdesk.engine.stats.ReferenceCases.assertClose;
import static io.promptdesk.engine.stats.ReferenceCases.assertP;
import static io.promptdesk.engine.stats.ReferenceCases.finite;
import static io.promptdesk.engine.stats.ReferenceCases.num;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every method SciPy recorded for the rank and distribution tests, not only its defaults: Mann-Whitney's U,
 * tie term, z and p of the asymptotic method (with and without continuity correction) and of the exact one, and
 * the KS statistic and p-value of the exact and the asymptotic method.
 */
class ScipyRankAndKsReferenceTest {

    private static final Map<String, Alternative> ALTERNATIVES = Map.of(
            "two-sided", Alternative.TWO_SIDED, "greater", Alternative.GREATER, "less", Alternative.LESS);

    @TestFactory
    Stream<DynamicTest> mannWhitneyAgreesWithEveryRecordedMethod() {
        return ReferenceCases.twoSampleCases().stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            JsonNode r = block(c);
            PooledScan scan = scan(c);
            JsonNode mw = r.get("mann_whitney");
            assertClose("U_current", num(mw.get("U_current")), scan.uCurrent());
            assertClose("U_baseline", num(mw.get("U_baseline")), scan.uBaseline());
            assertClose("rank sum", num(mw.get("rank_sum_current")), scan.twiceRankSumCurrent() / 2.0);
            assertClose("tie term", num(mw.get("tie_term_sum_t3_minus_t")), scan.tieTerm());
            assertThat(scan.maxTieGroup()).isEqualTo(mw.get("max_tie_group").asInt());
            ALTERNATIVES.forEach((key, alt) -> {
                JsonNode asym = mw.get("asymptotic").get(key);
                MannWhitneyTest.Result res = MannWhitneyTest.test(scan, alt, MannWhitneyTest.Method.ASYMPTOTIC, true);
                assertClose(key + " z", num(asym.get("z")), res.z());
                assertP(key + " asymptotic p", num(asym.get("pvalue")), res.pValue());
                if (mw.get("exact").has(key)) {
                    MannWhitneyTest.Result exact = MannWhitneyTest.test(scan, alt, MannWhitneyTest.Method.EXACT, true);
                    assertP(key + " exact p", num(mw.get("exact").get(key).get("pvalue")), exact.pValue());
                }
                if (mw.get("auto").has(key)) {
                    assertThat(MannWhitneyTest.chooseMethod(scan).name().toLowerCase())
                            .isEqualTo(mw.get("auto").get("method_used").asText());
                }
            });
            JsonNode noCont = mw.get("asymptotic_no_continuity").get("two-sided");
            MannWhitneyTest.Result res = MannWhitneyTest.test(scan, Alternative.TWO_SIDED,
                    MannWhitneyTest.Method.ASYMPTOTIC, false);
            assertClose("z without continuity", num(noCont.get("z")), res.z());
            assertP("p without continuity", num(noCont.get("pvalue")), res.pValue());
        }));
    }

    @TestFactory
    Stream<DynamicTest> kolmogorovSmirnovAgreesWithExactAndAsymptoticMethods() {
        return ReferenceCases.twoSampleCases().stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            JsonNode ks = block(c).get("ks_2samp");
            PooledScan scan = scan(c);
            KolmogorovSmirnovTest.Result exact = KolmogorovSmirnovTest.twoSided(scan,
                    KolmogorovSmirnovTest.Method.EXACT);
            assertClose("exact D", num(ks.get("exact").get("statistic")), exact.statistic());
            assertP("exact p", num(ks.get("exact").get("pvalue")), exact.pValue());
            assertClose("location", num(ks.get("exact").get("statistic_location")), exact.location());
            assertThat(exact.sign()).isEqualTo(ks.get("exact").get("statistic_sign").asInt());
            KolmogorovSmirnovTest.Result asymp = KolmogorovSmirnovTest.twoSided(scan,
                    KolmogorovSmirnovTest.Method.ASYMPTOTIC);
            assertClose("asymptotic D", num(ks.get("asymp").get("statistic")), asymp.statistic());
            assertP("asymptotic p", num(ks.get("asymp").get("pvalue")), asymp.pValue());
            // one-sided statistics: 'greater' is the largest ECDF(current) - ECDF(baseline), 'less' the largest reverse
            assertClose("greater D", num(ks.get("auto_greater").get("statistic")), scan.ksMax());
            assertClose("less D", num(ks.get("auto_less").get("statistic")), Math.max(0, -scan.ksMin()));
        }));
    }

    /** SciPy with NaN propagates or sorts NaN last; the engine rejects or drops NaN, so those cases use the dropped block. */
    private static JsonNode block(JsonNode c) {
        return c.get("has_nan").asBoolean() ? c.get("results_nan_dropped") : c.get("results");
    }

    private static PooledScan scan(JsonNode c) {
        SortedSample current = SortedSample.sortInPlace(finite(array(c.get("current"))));
        SortedSample baseline = SortedSample.sortInPlace(finite(array(c.get("baseline"))));
        return PooledScan.of(current, baseline);
    }
}
