package io.promptdesk.registry;

import java.util.regex.Pattern;

/** The shapes of model, version, alias and tag names: safe in URLs, file names, metric labels and shells. */
final class Names {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,49}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,99}");

    private Names() {
    }

    static String model(String name) {
        return check(MODEL, name, "model name", "letters, digits, '.', '_' and '-', up to 200");
    }

    static String version(String name) {
        return check(VERSION, name, "version", "letters, digits, '.', '_', '+' and '-', up to 100");
    }

    static String alias(String name) {
        return check(ALIAS, name, "alias", "lower-case letters, digits, '_' and '-', up to 50");
    }

    static String tag(String name) {
        return check(TAG, name, "tag key", "letters, digits, '.', '_' and '-', up to 100");
    }

    private static String check(Pattern p, String name, String what, String allowed) {
        if (name == null || !p.matcher(name).matches()) {
            throw new RegistryException("invalid " + what + " '" + name + "': use " + allowed
                    + " characters, starting with a letter or digit");
        }
        return name;
    }
}
