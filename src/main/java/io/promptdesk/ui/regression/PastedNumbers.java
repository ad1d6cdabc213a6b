package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.SampleFiles;
import io.promptdesk.model.BadInputException;

import java.util.Arrays;

/**
 * Numbers pasted by a person: separated by blanks, new lines, commas or semicolons, as copied from a
 * spreadsheet column or a log. NaN and infinity words are kept (the analysis rejects or drops them).
 */
final class PastedNumbers {

    private PastedNumbers() {
    }

    /** @throws BadInputException naming the first entry that is not a number, or when there is none */
    static double[] parse(String text) {
        String[] tokens = text == null ? new String[0] : text.strip().split("[\\s,;]+");
        double[] values = new double[tokens.length];
        int n = 0;
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            values[n] = parseOne(token, n + 1);
            n++;
        }
        if (n == 0) {
            throw new BadInputException("no numbers pasted: paste one value per line, or separate them by "
                    + "blanks or commas");
        }
        return Arrays.copyOf(values, n);
    }

    /** One entry; {@code position} (1-based) names it in the error. */
    static double parseOne(String token, int position) {
        try {
            return SampleFiles.number(token);
        } catch (NumberFormatException e) {
            throw notANumber(token, position);
        }
    }

    private static BadInputException notANumber(String token, int position) {
        return new BadInputException("pasted value #" + position + " '" + token + "' is not a number");
    }
}
