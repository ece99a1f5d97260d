package org.erasure;

/**
 * A value with its errors, the same for every engine: its sampling error (a standard error; 0 for the deterministic
 * Fokker–Planck solver) and its discretisation error (the time-step error of Monte Carlo, the numerical error of the
 * grid for Fokker–Planck; NaN where it could not be estimated).
 *
 * @param value               the value (kT for energies; a probability for ε)
 * @param standardError       its sampling standard error
 * @param discretisationError its time-step or grid error
 */
public record Estimate(double value, double standardError, double discretisationError) {

    /** √(s.e.² + discretisation²): the one number to compare another engine's value with; NaN where one is unknown. */
    public double totalError() {
        return Math.sqrt(standardError * standardError + discretisationError * discretisationError);
    }

    /**
     * Whether {@code other} agrees with this value within {@code k} times their combined total error (the errors
     * added in quadrature).
     */
    public boolean agreesWith(Estimate other, double k) {
        final double combined = Math.hypot(totalError(), other.totalError());
        return Math.abs(value - other.value) <= k * combined;
    }
}
