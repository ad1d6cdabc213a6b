package io.promptdesk.figures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of README.md between {@value #BEGIN} and {@value #END}: what it said last time (the date and each row's
 * measured cell), and the README with that part replaced and every other byte kept.
 */
final class MeasuredBlock {
    static final String BEGIN = "<!-- figures:begin -->";
    static final String END = "<!-- figures:end -->";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String readme;
    private final int innerStart;
    private final int innerEnd;

    private MeasuredBlock(String readme, int innerStart, int innerEnd) {
        this.readme = readme;
        this.innerStart = innerStart;
        this.innerEnd = innerEnd;
    }

    /** @throws IllegalArgumentException unless each marker is there once, begin before end */
    static MeasuredBlock of(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < 0) {
            throw new IllegalArgumentException("README has no " + (begin < 0 ? BEGIN : END) + " marker");
        }
        if (readme.indexOf(BEGIN, begin + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException("README has a figures marker twice");
        }
        if (end < begin) {
            throw new IllegalArgumentException("README's end marker " + END + " comes before " + BEGIN);
        }
        return new MeasuredBlock(readme, begin + BEGIN.length(), end);
    }

    String inner() {
        return readme.substring(innerStart, innerEnd);
    }

    /** The README with the text between the markers replaced by {@code inner}. */
    String replaced(String inner) {
        return readme.substring(0, innerStart) + inner + readme.substring(innerEnd);
    }

    /** The first date in the text above the table: when the figures were measured. */
    Optional<String> date() {
        String text = inner();
        int table = text.indexOf("\n|");
        Matcher m = DATE.matcher(table < 0 ? text : text.substring(0, table));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Each table row's third cell by its first, header and rule rows left out. */
    Map<String, String> cells() {
        Map<String, String> cells = new LinkedHashMap<>();
        boolean header = true;
        for (String line : inner().split("\n")) {
            if (!line.startsWith("|")) {
                header = true;
                continue;
            }
            if (header || line.matches("\\|[-:| ]+\\|?")) {
                header = false;
                continue;
            }
            String[] cell = splitRow(line);
            if (cell.length >= 3) {
                cells.put(cell[0], cell[2]);
            }
        }
        return cells;
    }

    /** The cells of {@code | a | b | c |}; a cell holds no pipe (the table is written without escapes). */
    static String[] splitRow(String line) {
        String body = line.strip();
        body = body.substring(1, body.endsWith("|") ? body.length() - 1 : body.length());
        String[] cells = body.split("\\|", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].strip();
        }
        return cells;
    }
}
