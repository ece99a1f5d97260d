package org.erasure.rare;

/**
 * The rare-event estimate of the error probability at the observation time (end of the hold, or of the
 * protocol without one).
 *
 * @param errorRate      ε = Σ_b π_b ε_b, the bit values' estimates weighted by their initial probabilities
 * @param standardError  its standard error, from the spread of the independent repetitions
 * @param ciLow          95 % interval, lower end: log-normal, {@link #logNormalInterval} at z = 1.96 (a
 *                       single splitting estimate is skewed, so a normal interval is too short above and can
 *                       reach below zero)
 * @param ciHigh         95 % interval, upper end
 * @param errorByBit     ε_b for the particles that start left (0) and right (1) of the initial barrier; NaN for a
 *                       bit value that has no weight
 * @param stderrByBit    their standard errors
 * @param bitWeights     π_b, the initial probability of each bit value
 * @param replicas       N, replicas per run
 * @param score          the score's key ({@link Score#key()})
 * @param repetitions    independent runs per bit value
 * @param iterations     AMS iterations over all runs
 * @param particleSteps  time steps simulated over all runs (the cost)
 */
public record AmsResult(double errorRate, double standardError, double ciLow, double ciHigh, double[] errorByBit,
                        double[] stderrByBit, double[] bitWeights, int replicas, String score, int repetitions,
                        long iterations,
                        long particleSteps) {

    /**
     * The log-normal interval of an estimate ε with standard error σ: [ε/C, ε·C], C = exp(z √ln(1 + (σ/ε)²))
     * (Burnham et al., Monogr. 5, Am. Fish. Soc. (1987); the usual form for a positive, skewed estimator), the upper
     * end at most 1; [0, 0] when ε = 0.
     */
    public static double[] logNormalInterval(double eps, double sigma, double z) {
        if (!(eps > 0)) {
            return new double[] {0, 0};
        }
        final double r = sigma / eps;
        final double c = Math.exp(z * Math.sqrt(Math.log1p(r * r)));
        return new double[] {eps / c, Math.min(1, eps * c)};
    }

    /** This estimate's log-normal interval at z (1.96: the reported 95 %; 2.576: 99 %). */
    public double[] interval(double z) {
        return logNormalInterval(errorRate, standardError, z);
    }

    /** Relative standard error σ/ε (∞ when ε = 0). */
    public double relativeError() {
        return errorRate > 0 ? standardError / errorRate : Double.POSITIVE_INFINITY;
    }
}
