package io.promptdesk.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.promptdesk.DevSets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads the SciPy reference cases of the shared data (src/test/resources/devsets/stats-reference/cases.json)
 * and compares numbers the way its README asks: 1e-9 relative, absolute below 1e-300 for p-values.
 */
final class ReferenceCases {

    static final double RELATIVE = 1e-9;
    static final double TINY_P = 1e-300;

    private static JsonNode root;

    private ReferenceCases() {
    }

    static synchronized JsonNode root() {
        if (root == null) {
            Path file = DevSets.folder("stats-reference").resolve("cases.json");
            if (!Files.isReadable(file)) {
                fail("SciPy reference cases not found at " + file);
            }
            try {
                root = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static List<JsonNode> twoSampleCases() {
        List<JsonNode> cases = new ArrayList<>();
        root().get("two_sample_cases").forEach(cases::add);
        return cases;
    }

    static List<JsonNode> trendCases() {
        List<JsonNode> cases = new ArrayList<>();
        root().get("trend_cases").forEach(cases::add);
        return cases;
    }

    /** A number, or the strings NaN / Infinity / -Infinity of the file's encoding; null reads as NaN. */
    static double num(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }

    /**
     * SciPy's value, or the exact one of {@code high_precision_check} where SciPy's own error there exceeds 1e-10
     * or could not be measured (a true zero that SciPy rounds to 1e-16).
     */
    static double trusted(double scipy, JsonNode hp, String key, String errorKey) {
        if (hp == null || !hp.has(key) || hp.get(key).isNull()) {
            return scipy;
        }
        JsonNode errors = hp.get("scipy_relative_error");
        JsonNode error = errors == null ? null : errors.get(errorKey);
        if (error == null || error.isNull() || error.asDouble() > 1e-10) {
            return num(hp.get(key));
        }
        return scipy;
    }

    static double[] array(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(node.get(i));
        }
        return out;
    }

    static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** The JSON parses as strict JSON (no NaN or Infinity literals) and has no NaN/infinite number in it. */
    static void assertStrictJson(String json) {
        try {
            new ObjectMapper().readTree(json);
        } catch (IOException e) {
            fail("not strict JSON: " + e.getMessage() + "\n" + json);
        }
    }

    /** Statistics: equal to 1e-9 relative; NaN and infinities must match exactly. */
    static void assertClose(String what, double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what + " (expected NaN)").isNaN();
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        if (expected == 0) {
            assertThat(Math.abs(actual)).as(what + " (expected 0)").isLessThanOrEqualTo(1e-300);
            return;
        }
        assertThat(Math.abs(actual - expected)).as(what + ": expected " + expected + ", got " + actual)
                .isLessThanOrEqualTo(RELATIVE * Math.abs(expected));
    }

    /** p-values: 1e-9 relative, or both at most 1e-300. */
    static void assertP(String what, double expected, double actual) {
        if (!Double.isNaN(expected) && expected <= TINY_P) {
            assertThat(actual).as(what + ": expected " + expected + " (<= 1e-300)").isBetween(0.0, TINY_P);
            return;
        }
        assertClose(what, expected, actual);
    }
}
