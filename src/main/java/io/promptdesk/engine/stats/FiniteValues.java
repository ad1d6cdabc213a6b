package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;

/** Copies a group's values, rejecting NaN and infinities or dropping them when the caller asks to. */
final class FiniteValues {

    private FiniteValues() {
    }

    /** A fresh array of the finite values, and how many non-finite ones were dropped. */
    record Copy(double[] values, int dropped) {
    }

    static Copy copy(double[] values, String group, boolean dropNonFinite) {
        if (values == null) {
            throw new BadInputException(group + ": no values given");
        }
        double[] copy = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isFinite(v)) {
                copy[n++] = v;
            } else if (!dropNonFinite) {
                throw new BadInputException(group + " value #" + (i + 1) + " is " + v
                        + ": only finite numbers can be analysed (ask to drop non-finite values to ignore it)");
            }
        }
        if (n == copy.length) {
            return new Copy(copy, 0);
        }
        double[] trimmed = new double[n];
        System.arraycopy(copy, 0, trimmed, 0, n);
        return new Copy(trimmed, values.length - n);
    }
}
