package io.promptdesk.engine.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import io.promptdesk.model.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tests {@code detectRegression} can combine; the spec names them {@code t_test} and {@code mann_whitney}. */
public enum StatisticalTest {
    /** Welch's t-test of current against baseline (SciPy {@code ttest_ind(current, baseline, equal_var=False)}). */
    T_TEST,
    /** Mann-Whitney U of current against baseline (SciPy {@code mannwhitneyu(current, baseline)}). */
    MANN_WHITNEY;

    /** The spec's default: both tests. */
    public static final List<String> DEFAULT_NAMES = List.of("t_test", "mann_whitney");

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatisticalTest parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (StatisticalTest t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new BadInputException("unknown statistical test '" + name + "': expected t_test or mann_whitney");
    }

    /** Parses test names; null or empty means the default (both), duplicates are ignored. */
    public static List<StatisticalTest> parseAll(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(T_TEST, MANN_WHITNEY);
        }
        List<StatisticalTest> tests = new ArrayList<>();
        for (String name : names) {
            StatisticalTest t = parse(name);
            if (!tests.contains(t)) {
                tests.add(t);
            }
        }
        return List.copyOf(tests);
    }
}
