package io.promptdesk.remote;

import java.nio.file.Path;

/**
 * How an https endpoint's certificate is checked: against the system's CAs, or also against the CA certificates of
 * a PEM file; {@code insecure} turns verification off and is logged as a warning on every client built with it.
 *
 * @param caFile a PEM file of CA certificates to trust besides the system's, or null
 */
public record TlsOptions(Path caFile, boolean insecure) {
    public static final TlsOptions SYSTEM = new TlsOptions(null, false);
}
