package io.promptdesk.remote;

import java.time.Duration;

/**
 * What an HTTP exchange gave back, read whole: the status, the body's media type (or null) and text, how many
 * attempts it took and how long.
 */
public record HttpReply(int status, String contentType, String body, int attempts, Duration took) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** The first characters of the body, on one line, for an error message. */
    public String excerpt() {
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return b.length() <= 120 ? b : b.substring(0, 117) + "...";
    }
}
