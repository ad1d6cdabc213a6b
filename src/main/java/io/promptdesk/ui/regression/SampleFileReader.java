package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.SampleFiles;
import io.promptdesk.model.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a sample file in the formats of {@link SampleFiles} and, for CSV, lists its columns and picks a sensible
 * one when none is asked for: the first numeric column that is not an id, index or time stamp.
 */
final class SampleFileReader {

    private static final Set<String> NOT_MEASUREMENTS = Set.of("id", "index", "idx", "timestamp", "ts", "time",
            "date", "datetime", "seq", "sequence", "run", "case", "case_index", "n");

    private SampleFileReader() {
    }

    /**
     * The values of {@code file}, non-finite entries kept (the analysis drops or rejects them).
     *
     * @param column the CSV column to read, or null to pick one
     */
    static FileSample read(Path file, String column) {
        List<String> head = firstContentLines(file);
        if (head.isEmpty() || head.get(0).startsWith("[") || isNumber(head.get(0))) {
            if (column != null) {
                throw new BadInputException(file.getFileName() + " has no columns to choose from");
            }
            return new FileSample(file, List.of(), null, SampleFiles.readKeepingNonFinite(file, null));
        }
        List<String> header = splitCsv(head.get(0));
        String chosen = column != null ? column
                : defaultColumn(header, head.size() > 1 ? splitCsv(head.get(1)) : List.of());
        return new FileSample(file, header, chosen, SampleFiles.readKeepingNonFinite(file, chosen));
    }

    /** The first numeric column that does not look like an id or a time stamp; else the first numeric one. */
    static String defaultColumn(List<String> header, List<String> firstRow) {
        String firstNumeric = null;
        for (int i = 0; i < header.size(); i++) {
            boolean numeric = i < firstRow.size() && isNumber(firstRow.get(i));
            if (!numeric) {
                continue;
            }
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!NOT_MEASUREMENTS.contains(name) && !name.endsWith("_id") && !name.startsWith("timestamp")) {
                return header.get(i);
            }
            if (firstNumeric == null) {
                firstNumeric = header.get(i);
            }
        }
        return firstNumeric != null ? firstNumeric : header.get(0);
    }

    /** Up to two lines that are neither blank nor '#' comments: the header and the first row, or the first value. */
    private static List<String> firstContentLines(Path file) {
        List<String> lines = new ArrayList<>(2);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && lines.size() < 2; line = in.readLine()) {
                String s = line.replace("\uFEFF", "").strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    lines.add(s);
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return lines;
    }

    private static boolean isNumber(String s) {
        try {
            PastedNumbers.parseOne(s.strip(), 1);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /** One CSV line, split as the engine's sample reader splits it. */
    static List<String> splitCsv(String line) {
        return io.promptdesk.engine.stats.Csv.split(line);
    }

    /**
     * @param columns the CSV header, empty for a JSON array or a plain list
     * @param column  the column read, or null
     */
    record FileSample(Path file, List<String> columns, String column, double[] values) {
        FileSample {
            columns = List.copyOf(columns);
        }
    }
}
