package io.promptdesk.engine.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.promptdesk.model.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads a sample of numbers from a file: a JSON array of numbers, one number per line, or CSV with a header row
 * (one column picked by name). Blank lines and lines starting with '#' are skipped. NaN, inf and Infinity (any
 * case), JSON null and empty CSV cells are non-finite: rejected with the file and line, or dropped on request.
 * Every error names the file, the line and the problem.
 */
public final class SampleFiles {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private SampleFiles() {
    }

    /** The numbers read, in file order, and how many non-finite entries were dropped. */
    public record Sample(double[] values, int dropped) {
    }

    /**
     * @param column        CSV column to read; null picks the only column, or reads a plain list or JSON array
     * @param dropNonFinite drop NaN, infinities and missing values instead of rejecting the file
     */
    public static Sample read(Path file, String column, boolean dropNonFinite) {
        return read(file, column, dropNonFinite ? NonFinite.DROP : NonFinite.REJECT);
    }

    /** Two samples read at once, the second on the common pool: parsing a million numbers is the slow part. */
    public static List<Sample> readPair(Path first, Path second, String column, boolean dropNonFinite) {
        CompletableFuture<Sample> other = CompletableFuture.supplyAsync(() -> read(second, column, dropNonFinite));
        Sample one = read(first, column, dropNonFinite);
        try {
            return List.of(one, other.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** All entries in file order, non-finite ones kept as NaN or infinity (for paired series). */
    public static double[] readKeepingNonFinite(Path file, String column) {
        return read(file, column, NonFinite.KEEP).values();
    }

    /** What to do with NaN, infinities and missing values. */
    enum NonFinite { REJECT, DROP, KEEP }

    static Sample read(Path file, String column, NonFinite rule) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        int start = data.length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB && data[2] == (byte) 0xBF
                ? 3 : 0;
        requireText(file, data, start);
        while (start < data.length && Character.isWhitespace(data[start])) {
            start++;
        }
        if (start < data.length && data[start] == '[') {
            if (column != null) {
                throw new BadInputException(file + ": is a JSON array; a column can only be picked from a CSV file");
            }
            return readJson(file, data, rule);
        }
        return new LineReader(file, data, start, column, rule).read();
    }

    private static Sample readJson(Path file, byte[] data, NonFinite rule) {
        Values values = new Values(file, rule);
        try (JsonParser p = JSON.createParser(data)) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                if (t == null) {
                    throw new BadInputException(file + ":" + line + ": the JSON array is not closed");
                }
                switch (t) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.add(p.getDoubleValue(), line, p.getText());
                    case VALUE_NULL -> values.add(Double.NaN, line, "null");
                    case VALUE_STRING -> values.add(parse(file, line, p.getText()), line, p.getText());
                    default -> throw new BadInputException(file + ":" + line + ": " + describe(t)
                            + " in the array; expected a number");
                }
            }
            if (p.nextToken() != null) {
                throw new BadInputException(file + ":" + p.currentTokenLocation().getLineNr()
                        + ": unexpected content after the JSON array");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null ? file + ": " : file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": ";
            throw new BadInputException(where + "not a valid JSON array of numbers: "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a valid JSON array of numbers (" + firstLine(e.getMessage())
                    + ")", e);
        }
        return values.sample();
    }

    /**
     * A binary file (an image, a spreadsheet, a compressed export) is named as such instead of being read as garbled
     * numbers: a NUL byte, or bytes that are not UTF-8 text, in its first 8 KB.
     */
    private static void requireText(Path file, byte[] data, int start) {
        int end = Math.min(data.length, start + 8192);
        for (int i = start; i < end; i++) {
            if (data[i] == 0) {
                throw new BadInputException(file + ": is a binary file, not text (a NUL byte at offset " + i + "): "
                        + "give a JSON array of numbers, one number per line, or CSV with a header");
            }
        }
        java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer head = java.nio.ByteBuffer.wrap(data, start, end - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(end - start + 1);
        java.nio.charset.CoderResult r = utf8.decode(head, out, end == data.length);
        if (r.isError()) {
            throw new BadInputException(file + ": is not UTF-8 text (invalid bytes at offset " + head.position()
                    + "): give a JSON array of numbers, one number per line, or CSV with a header");
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a nested array";
            case START_OBJECT -> "an object";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "'" + t.asString() + "'";
        };
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    /** A number in the text of a file: Java/Python decimal syntax, or a NaN/infinity word; blank is NaN. */
    static double parse(Path file, int line, String raw) {
        String s = raw.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return number(s);
        } catch (NumberFormatException e) {
            throw notANumber(file, line, raw);
        }
    }

    /**
     * A sample value as people write them: decimal syntax (no hex, no {@code d}/{@code f} suffixes, which Java's
     * parser would accept), or {@code nan}, {@code inf}, {@code infinity} with an optional sign, in any case.
     *
     * @throws NumberFormatException when {@code s} is anything else
     */
    public static double number(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(s);
            }
        }
        return Double.parseDouble(s);
    }

    private static BadInputException notANumber(Path file, int line, String raw) {
        return new BadInputException(file + ":" + line + ": '" + raw.trim() + "' is not a number");
    }

    /** Collects values and applies the non-finite rule with the position of each entry. */
    static final class Values {
        private final Path file;
        private final NonFinite rule;
        private double[] data = new double[1024];
        private int size;
        private int dropped;

        Values(Path file, NonFinite rule) {
            this.file = file;
            this.rule = rule;
        }

        void add(double v, int line, String raw) {
            if (!Double.isFinite(v) && rule != NonFinite.KEEP) {
                if (rule == NonFinite.DROP) {
                    dropped++;
                    return;
                }
                String what = raw == null || raw.isBlank() ? "a missing value" : "'" + raw.trim() + "'";
                throw new BadInputException(file + ":" + line + ": " + what + " is not a finite number (drop "
                        + "non-finite values to ignore it: --drop-nan)");
            }
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        Sample sample() {
            if (size == 0 && dropped == 0) {
                throw new BadInputException(file + ": no values");
            }
            return new Sample(Arrays.copyOf(data, size), dropped);
        }
    }

    /** Plain lists and CSV, line by line, over the file's bytes (numbers are ASCII; CSV lines are decoded). */
    private static final class LineReader {
        private final Path file;
        private final byte[] data;
        private final String column;
        private final Values values;
        private int pos;
        private int lineNo;
        private int lineStart;
        private int lineEnd;

        LineReader(Path file, byte[] data, int start, String column, NonFinite rule) {
            this.file = file;
            this.data = data;
            this.column = column;
            this.values = new Values(file, rule);
            // count the lines skipped before the first content
            for (int i = 0; i < start; i++) {
                if (data[i] == '\n') {
                    lineNo++;
                }
            }
            this.pos = lineStartOf(start);
        }

        private int lineStartOf(int index) {
            int i = index;
            while (i > 0 && data[i - 1] != '\n') {
                i--;
            }
            return i;
        }

        Sample read() {
            if (!nextContentLine()) {
                throw new BadInputException(file + ": no values");
            }
            String first = line();
            if (column == null && looksNumeric(first)) {
                do {
                    double v = number();
                    values.add(v, lineNo, Double.isFinite(v) ? null : line());
                } while (nextContentLine());
                return values.sample();
            }
            List<String> header = Csv.split(first);
            if (column == null && header.size() == 1 && startsLikeANumber(first)) {
                throw notANumber(file, lineNo, first); // a list with a bad first entry, not a header
            }
            int index = pickColumn(header);
            while (nextContentLine()) {
                List<String> cells = Csv.split(line());
                if (cells.size() != header.size()) {
                    throw new BadInputException(file + ":" + lineNo + ": " + cells.size() + " cells, but the header "
                            + "has " + header.size());
                }
                String cell = cells.get(index);
                values.add(parse(file, lineNo, cell), lineNo, cell);
            }
            return values.sample();
        }

        /** The number on the current line: plain decimals go straight to the JDK parser, the rest through parse. */
        private double number() {
            for (int i = lineStart; i < lineEnd; i++) {
                byte c = data[i];
                if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                    return parse(file, lineNo, line());
                }
            }
            try {
                return DecimalParser.parse(data, lineStart, lineEnd);
            } catch (NumberFormatException e) {
                throw notANumber(file, lineNo, line());
            }
        }

        private String line() {
            return new String(data, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        }

        private int pickColumn(List<String> header) {
            if (column == null) {
                if (header.size() == 1) {
                    return 0;
                }
                throw new BadInputException(file + ":" + lineNo + ": CSV with columns " + String.join(", ", header)
                        + "; pick one with --column");
            }
            int index = header.indexOf(column.trim());
            if (index < 0) {
                throw new BadInputException(file + ":" + lineNo + ": no column '" + column + "' (columns: "
                        + String.join(", ", header) + ")");
            }
            return index;
        }

        private static boolean startsLikeANumber(String line) {
            String s = line.strip();
            char c = s.isEmpty() ? ' ' : s.charAt(0);
            return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
        }

        private boolean looksNumeric(String line) {
            try {
                parse(file, lineNo, line);
                return true;
            } catch (BadInputException e) {
                return false;
            }
        }

        /** Moves to the next line that is neither blank nor a '#' comment; false at the end. */
        private boolean nextContentLine() {
            while (pos < data.length) {
                int end = pos;
                while (end < data.length && data[end] != '\n') {
                    end++;
                }
                int s = pos;
                int e = end;
                pos = end + 1;
                lineNo++;
                while (s < e && (data[s] == ' ' || data[s] == '\t' || data[s] == '\r')) {
                    s++;
                }
                while (e > s && (data[e - 1] == ' ' || data[e - 1] == '\t' || data[e - 1] == '\r')) {
                    e--;
                }
                if (s < e && data[s] != '#') {
                    lineStart = s;
                    lineEnd = e;
                    return true;
                }
            }
            return false;
        }
    }
}
