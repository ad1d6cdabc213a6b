package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.TrendResult;

/**
 * The trend chart's data: the measurements in order (bucket means once there are more than
 * {@link TrendShapes#MAX_POINTS}), split where baseline ends and current begins, the fitted line with its 95%
 * prediction band, and the predicted next point.
 *
 * @param bucket      measurements per drawn point (1 when every measurement is drawn)
 * @param bandHalf    half-width of the prediction band at each {@code lineX}; empty below three points
 * @param fit         the engine's fit, or null when the series could not be fitted (see {@code error})
 * @param yMin        bottom of the shown range: the distributions' range widened to hold the band
 * @param hidden      drawn points outside the shown range
 */
record TrendData(double[] baselineX, double[] baselineY, double[] currentX, double[] currentY, double[] lineX,
                 double[] lineY, double[] bandHalf, int bucket, TrendResult fit, String error, double yMin,
                 double yMax, int hidden) {

    int points() {
        return baselineX.length + currentX.length + lineX.length * 3;
    }

    double[] bandLower() {
        return offset(-1);
    }

    double[] bandUpper() {
        return offset(1);
    }

    private double[] offset(int sign) {
        double[] out = lineY.clone();
        if (bandHalf.length == out.length) {
            for (int i = 0; i < out.length; i++) {
                out[i] += sign * bandHalf[i];
            }
        }
        return out;
    }
}
