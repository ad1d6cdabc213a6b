package io.promptdesk.engine.validation.sqli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.promptdesk.DevSets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on libinjection's test data (BSD-3-Clause, see src/test/resources/devsets/sql-injection-libinjection):
 * sqli/*.txt are attacks, benign/false_positives.txt are inputs earlier libinjection versions wrongly flagged.
 * Lines are URL-encoded query-string values; a prompt sees them decoded, so that is the form the floors hold for.
 */
class SqlInjectionDevSetTest {

    private static final SqlInjectionDetector DETECTOR = new SqlInjectionDetector();
    private static List<String> attacks;
    private static List<String> benign;

    @BeforeAll
    static void load() throws IOException {
        Path root = DevSets.folder("sql-injection-libinjection");
        if (!Files.isDirectory(root.resolve("sqli"))) {
            fail("dev set missing: " + root);
        }
        attacks = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("sqli"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                attacks.addAll(lines(file));
            }
        }
        benign = lines(root.resolve("benign/false_positives.txt"));
    }

    @Test
    void decodedFormMeetsPrecisionAndRecallFloors() {
        Score score = score(SqlInjectionDevSetTest::urlDecode);
        System.err.println("sql_injection dev set: " + score);
        assertThat(attacks).hasSizeGreaterThan(3000);
        assertThat(benign).hasSizeGreaterThan(400);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.93);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void rawUrlEncodedFormMeetsTheSameFloors() {
        Score score = score(UnaryOperator.identity());
        System.err.println("sql_injection dev set (raw URL-encoded): " + score);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.93);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.98);
    }

    private static Score score(UnaryOperator<String> form) {
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        for (String line : attacks) {
            if (DETECTOR.scan(form.apply(line)).flagged()) {
                tp++;
            } else {
                fn++;
            }
        }
        for (String line : benign) {
            if (DETECTOR.scan(form.apply(line)).flagged()) {
                fp++;
            } else {
                tn++;
            }
        }
        return new Score(tp, fp, fn, tn);
    }

    private record Score(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "precision=%.3f recall=%.3f (tp=%d fp=%d fn=%d tn=%d)",
                    precision(), recall(), tp, fp, fn, tn);
        }
    }

    /** Non-comment, non-blank lines; the files mix encodings, so bytes are read one to one. */
    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** Query-string decoding ('+' is a blank, %XX a byte) that leaves malformed escapes as they are. */
    static String urlDecode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                sb.append(' ');
            } else if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
