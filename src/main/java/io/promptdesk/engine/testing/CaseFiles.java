package io.promptdesk.engine.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes test-case files: a JSON array of objects, JSON Lines, a YAML list, or CSV with a header row.
 * Every error names the file, the line and the problem.
 */
public final class CaseFiles {

    private static final ObjectMapper JSON = Json.mapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final CsvMapper CSV = new CsvMapper();

    private CaseFiles() {
    }

    /** The format a file name implies. */
    public enum Format {
        JSON, JSONL, YAML, CSV;

        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return JSONL;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw new BadInputException(file + ": unknown case file type: use .json (array of objects), .jsonl, "
                    + ".yaml/.yml (list) or .csv (header row)");
        }
    }

    public static List<Map<String, Object>> read(Path file) {
        Format format = Format.of(file);
        String text = TextFiles.readUtf8(file);
        return parse(file.toString(), text, format);
    }

    /** Parses case text; {@code source} names it in error messages. */
    public static List<Map<String, Object>> parse(String source, String text, Format format) {
        List<Map<String, Object>> cases = switch (format) {
            case JSON -> readTree(source, text, JSON.getFactory());
            case YAML -> readTree(source, text, YAML.getFactory());
            case JSONL -> readLines(source, text);
            case CSV -> readCsv(source, text);
        };
        if (cases.isEmpty()) {
            throw new BadInputException(source + ": no test cases in the file");
        }
        return cases;
    }

    private static List<Map<String, Object>> readTree(String source, String text, JsonFactory factory) {
        List<Map<String, Object>> cases = new ArrayList<>();
        try (JsonParser p = factory.createParser(text)) {
            p.setCodec(JSON);
            JsonToken first = p.nextToken();
            if (first == null) {
                return cases;
            }
            if (first == JsonToken.START_OBJECT) {
                throw new BadInputException(at(source, p.currentLocation()) + "the file holds one object; expected "
                        + "a list of objects, one per test case");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new BadInputException(at(source, p.currentLocation()) + "expected a list of test cases, found "
                        + describe(first));
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new BadInputException(source + ": the list of test cases is not closed");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new BadInputException(at(source, p.currentLocation()) + "test case " + cases.size()
                            + " is " + describe(t) + "; expected an object of variable values");
                }
                cases.add(readObject(p));
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(at(source, e.getLocation()) + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        return p.readValueAs(LinkedHashMap.class);
    }

    private static List<Map<String, Object>> readLines(String source, String text) {
        List<Map<String, Object>> cases = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            try (JsonParser p = JSON.getFactory().createParser(line)) {
                p.setCodec(JSON);
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    throw new BadInputException(where + "expected an object of variable values, found " + describe(t));
                }
                cases.add(readObject(p));
                if (p.nextToken() != null) {
                    throw new BadInputException(where + "more than one JSON value on the line");
                }
            } catch (JsonProcessingException e) {
                throw new BadInputException(where + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new BadInputException(where + e.getMessage(), e);
            }
        }
        return cases;
    }

    private static List<Map<String, Object>> readCsv(String source, String text) {
        List<Map<String, Object>> cases = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (var it = CSV.readerFor(Map.class).with(schema).<Map<String, Object>>readValues(text)) {
            var header = it.getParser().getSchema();
            while (it.hasNextValue()) {
                Map<String, Object> row = it.nextValue();
                if (cases.isEmpty()) {
                    checkHeader(source, ((CsvSchema) it.getParser().getSchema()));
                }
                cases.add(new LinkedHashMap<>(row));
            }
            if (cases.isEmpty() && header == null) {
                return cases;
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(at(source, e.getLocation()) + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
        return cases;
    }

    private static void checkHeader(String source, CsvSchema schema) {
        Set<String> seen = new LinkedHashSet<>();
        for (CsvSchema.Column c : schema) {
            if (c.getName().isBlank()) {
                throw new BadInputException(source + ":1:" + (c.getIndex() + 1) + ": column " + (c.getIndex() + 1)
                        + " has an empty name in the header row");
            }
            if (!seen.add(c.getName())) {
                throw new BadInputException(source + ":1: column '" + c.getName() + "' appears twice in "
                        + "the header row");
            }
        }
    }

    private static String at(String source, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return source + ": ";
        }
        return source + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /** Writes cases as JSON (pretty array) or CSV (header row of {@code columns}, then any other keys). */
    public static void write(Path file, List<? extends Map<String, ?>> cases, List<String> columns) {
        Format format = Format.of(file);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            switch (format) {
                case JSON -> JSON.writerWithDefaultPrettyPrinter().writeValue(w, cases);
                case JSONL -> {
                    for (Map<String, ?> c : cases) {
                        w.write(JSON.writeValueAsString(c));
                        w.write('\n');
                    }
                }
                case YAML -> YAML.writeValue(w, cases);
                case CSV -> writeCsv(w, cases, columns);
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static void writeCsv(Writer w, List<? extends Map<String, ?>> cases, List<String> columns)
            throws IOException {
        Set<String> names = new LinkedHashSet<>(columns);
        cases.forEach(c -> names.addAll(c.keySet()));
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        names.forEach(b::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>(cases.size());
        for (Map<String, ?> c : cases) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String n : names) {
                Object v = c.get(n);
                row.put(n, v == null ? "" : v.toString());
            }
            rows.add(row);
        }
        CSV.writer(b.build()).writeValue(w, rows);
    }
}
