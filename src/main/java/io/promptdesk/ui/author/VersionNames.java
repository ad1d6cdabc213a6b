package io.promptdesk.ui.author;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a template gets in the registry: the model is named after the template file, and the next version
 * follows the model's latest numbered one (1.1 after 1.0, v3 after v2, 2.0.10 after 2.0.9).
 */
final class VersionNames {
    static final String FIRST_VERSION = "1.0";
    private static final Pattern NUMBERED = Pattern.compile("(v?)((?:\\d+\\.)*)(\\d+)");
    private static final int MAX_MODEL = 200;

    private VersionNames() {
    }

    /** "support-reply.prompt" -> "support-reply"; characters a model name cannot hold become '-'. */
    static String modelName(Path template) {
        String file = template.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        String safe = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (safe.isEmpty()) {
            return "template";
        }
        return safe.length() > MAX_MODEL ? safe.substring(0, MAX_MODEL) : safe;
    }

    /** The version after the latest numbered one of {@code existing} (oldest first), never one that exists. */
    static String next(List<String> existing) {
        String candidate = FIRST_VERSION;
        for (int i = existing.size() - 1; i >= 0; i--) {
            Matcher m = NUMBERED.matcher(existing.get(i).toLowerCase(Locale.ROOT));
            if (m.matches()) {
                candidate = existing.get(i).substring(0, m.start(3)) + (Long.parseLong(m.group(3)) + 1);
                break;
            }
        }
        if (candidate.equals(FIRST_VERSION) && !existing.isEmpty() && existing.contains(FIRST_VERSION)) {
            candidate = "1.1";
        }
        while (existing.contains(candidate)) {
            candidate = bump(candidate);
        }
        return candidate;
    }

    private static String bump(String version) {
        Matcher m = NUMBERED.matcher(version);
        return m.matches() ? version.substring(0, m.start(3)) + (Long.parseLong(m.group(3)) + 1) : version + ".1";
    }
}
