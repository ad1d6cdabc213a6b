package io.promptdesk.app.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.promptdesk.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes history rows as CSV (the table's columns) or JSON (each row with its full details). */
public final class HistoryExport {
    private static final CsvMapper CSV = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private HistoryExport() {
    }

    public static void csv(List<HistoryRow> rows, Path file) {
        CsvSchema schema = CSV.schemaFor(HistoryRow.class).withHeader();
        try {
            CSV.writer(schema).writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void json(List<HistoryRow> rows, Path file) {
        List<JsonNode> out = new ArrayList<>();
        try {
            for (HistoryRow r : rows) {
                ObjectNode node = Json.mapper().valueToTree(r);
                node.set("details", Json.mapper().readTree(r.details()));
                out.add(node);
            }
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
