package io.promptdesk.remote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the configured secrets out of anything a remote sends back (error bodies, headers, messages) before it is
 * printed, logged or stored: a server or a proxy that echoes the request's Authorization header must not make the
 * token appear in a report or in an append-only row. Also drops a URL's userinfo ({@code https://user:pw@host}).
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
    /** Shorter values are not searched for: masking every "ab" would garble the message and protect nothing. */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Redacts the endpoint's credentials (and their encoded forms) and {@code extra} secrets. */
    public static Redactor of(RemoteAuth auth, Secret... extra) {
        List<String> values = new ArrayList<>();
        if (auth instanceof RemoteAuth.Bearer b) {
            add(values, b.token().reveal());
        } else if (auth instanceof RemoteAuth.Basic basic) {
            add(values, basic.password().reveal());
            String header = basic.header();
            add(values, header.substring(header.indexOf(' ') + 1));
            add(values, Base64.getEncoder().encodeToString((basic.username() + ":" + basic.password().reveal())
                    .getBytes(StandardCharsets.UTF_8)));
        }
        for (Secret s : extra) {
            if (s != null) {
                add(values, s.reveal());
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        values.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Redactor(values);
    }

    /** Only URL userinfo. */
    public static Redactor none() {
        return new Redactor(List.of());
    }

    private static void add(List<String> values, String v) {
        if (v != null && v.length() >= MIN_LENGTH && !values.contains(v)) {
            values.add(v);
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return USERINFO.matcher(out).replaceAll("$1" + MASK + "@");
    }
}
