package io.promptdesk.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One versioned schema script, {@code V<n>__<description>.sql}. */
record Migration(int version, String description, String resource) {
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

    static Migration of(String directory, String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration file name " + fileName + " is not V<n>__<description>.sql");
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), directory + fileName);
    }
}
