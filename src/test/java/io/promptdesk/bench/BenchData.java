package io.promptdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Deterministic inputs shared by the benchmarks. */
public final class BenchData {
    private BenchData() {
    }

    /** A realistic 300-character template with 3 variables. */
    public static final String TEMPLATE_300 = "You are a helpful writing assistant for a marketing team. "
            + "Write a {tone} article about {topic} for {audience}. Keep it factual, cite no sources you cannot "
            + "verify, avoid jargon, and end with one practical takeaway the reader can apply this week. "
            + "Use short paragraphs and plain, friendly English throughout.";

    private static final String[] TONES = {"professional", "casual", "playful", "formal", "warm", "direct"};
    private static final String[] TOPICS = {"AI ethics", "machine learning in retail", "remote team rituals",
            "quarterly planning", "customer onboarding", "data privacy basics", "green logistics",
            "budget travel tips"};
    private static final String[] AUDIENCES = {"business leaders", "students", "new managers", "engineers",
            "small shop owners", "nurses"};

    /** {@code n} cases with varied values, from a fixed seed. */
    public static List<Map<String, Object>> cases(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Map<String, Object>> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cases.add(Map.of("tone", TONES[rnd.nextInt(TONES.length)],
                    "topic", TOPICS[rnd.nextInt(TOPICS.length)] + " #" + rnd.nextInt(1000),
                    "audience", AUDIENCES[rnd.nextInt(AUDIENCES.length)]));
        }
        return cases;
    }

    /** A template of about {@code chars} characters with {@code placeholders} placeholders over many lines. */
    public static String largeTemplate(int chars, int placeholders) {
        StringBuilder sb = new StringBuilder(chars + 64);
        int every = Math.max(1, chars / placeholders);
        int made = 0;
        String filler = "The quick brown fox writes careful prompts; {{literal braces}} stay. ";
        while (sb.length() < chars) {
            if (made < placeholders && sb.length() >= (long) made * every) {
                sb.append("{var_").append(made % 150).append("} ");
                made++;
            } else {
                sb.append(filler, 0, Math.min(filler.length(), every / 2 + 8));
                if (sb.length() % 7 == 0) {
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }
}
