package org.erasure.rare;

/**
 * The rare-event estimate of the error probability at the observation time (end of the hold, or of the
 * protocol without one).
 *
 * @param errorRate      ε = Σ_b π_b ε_b, the bit values' estimates weighted by their initial probabilities
 * @param standardError  its standard error, from the spread of the independent repetitions
 * @param ciLow          95 % interval, lower end (normal, from the repetitions; at least 0)
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

    /** Relative standard error σ/ε (∞ when ε = 0). */
    public double relativeError() {
        return errorRate > 0 ? standardError / errorRate : Double.POSITIVE_INFINITY;
    }
}
