package io.promptdesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.promptdesk.json.Json;

import java.io.IOException;
import java.io.Writer;

/** Streams a report as pretty JSON, so a million cases never sit in memory as one string. */
final class JsonReport {
    private JsonReport() {
    }

    static void write(Object report, Writer out) throws IOException {
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            Json.mapper().writeValue(g, report);
        }
        out.write(System.lineSeparator());
    }
}
