package io.promptdesk.ui.regression;

/**
 * The two samples as density histograms on shared bins, with a Gaussian kernel density curve each, ready to
 * draw: a few hundred points whatever the sample size. Densities integrate to the share of values shown.
 *
 * @param low    start of the shown range: the smallest value, or for 20 values and more the lowest within three
 *               interquartile ranges below the first quartile (so rare spikes do not squash the picture)
 * @param high   end of the shown range, likewise
 * @param hidden values outside the shown range, both groups
 */
record DistributionData(double[] binCenters, double[] baselineDensity, double[] currentDensity, double[] curveX,
                        double[] baselineCurve, double[] currentCurve, double low, double high, int hidden) {

    static final DistributionData EMPTY = new DistributionData(new double[0], new double[0], new double[0],
            new double[0], new double[0], new double[0], Double.NaN, Double.NaN, 0);

    int points() {
        return binCenters.length * 2 + curveX.length * 2;
    }
}
