package io.promptdesk.ui.regression;

/**
 * The two samples as density histograms on shared bins, with a Gaussian kernel density curve each, ready to
 * draw: a few hundred points whatever the sample size. Densities integrate to the share of values shown.
 *
 * @param hidden values outside the shown range (the extreme 0.5% tails of large samples), both groups
 */
record DistributionData(double[] binCenters, double[] baselineDensity, double[] currentDensity, double[] curveX,
                        double[] baselineCurve, double[] currentCurve, int hidden) {

    static final DistributionData EMPTY = new DistributionData(new double[0], new double[0], new double[0],
            new double[0], new double[0], new double[0], 0);

    int points() {
        return binCenters.length * 2 + curveX.length * 2;
    }
}
