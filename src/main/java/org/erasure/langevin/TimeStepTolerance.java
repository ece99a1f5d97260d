package org.erasure.langevin;

/**
 * How small a Monte Carlo run's time-step error must be (SPEC 3.1): the error probability within
 * {@code errorRateRelative} of itself, and ⟨W⟩, ⟨W⁺⟩, ⟨W⁻⟩, ⟨Q⟩ within the largest of {@code energyKT}, 1e-4 of
 * themselves and half their standard error. A value whose estimated time-step error is not resolved above this (beyond two of the estimate's
 * own standard errors) meets it. Used to judge every run and to choose the step of {@code dt: auto}.
 *
 * @param errorRateRelative tolerated relative time-step error of ε (default 0.1), in (0, 1]
 * @param energyKT          tolerated time-step error of the energies (kT, default 1e-3), positive
 */
public record TimeStepTolerance(double errorRateRelative, double energyKT) {

    public static final double DEFAULT_ERROR_RATE_RELATIVE = 0.1;
    public static final double DEFAULT_ENERGY_KT = 1e-3;

    public TimeStepTolerance {
        if (!(errorRateRelative > 0 && errorRateRelative <= 1)) {
            throw new IllegalArgumentException("the relative time-step tolerance of eps must lie in (0, 1], got "
                    + errorRateRelative);
        }
        if (!(energyKT > 0) || Double.isInfinite(energyKT)) {
            throw new IllegalArgumentException("the time-step tolerance of the energies must be positive (kT), got "
                    + energyKT);
        }
    }

    /** 10 % of ε, and the larger of 1e-3 kT and half the standard error for the energies. */
    public static TimeStepTolerance defaults() {
        return new TimeStepTolerance(DEFAULT_ERROR_RATE_RELATIVE, DEFAULT_ENERGY_KT);
    }

    /**
     * Relative share of an energy that its time-step error may always take, as the Fokker–Planck engine allows its
     * numerical error (1e-4 of the value): W⁺ and W⁻ run to 100 kT in a fast erasure, where 1e-3 kT would be 1e-5.
     */
    public static final double ENERGY_RELATIVE = 1e-4;

    /**
     * The tolerated time-step error of an energy of mean {@code value} and standard error {@code stderr} (kT): the
     * largest of energyKT, {@link #ENERGY_RELATIVE} of |value| and half the standard error.
     */
    public double energy(double value, double stderr) {
        final double relative = Double.isFinite(value) ? ENERGY_RELATIVE * Math.abs(value) : 0;
        return Math.max(Math.max(energyKT, relative), Double.isNaN(stderr) ? 0 : 0.5 * stderr);
    }

    /** The tolerated time-step error of ln ε. */
    public double logErrorRate() {
        return Math.log1p(errorRateRelative);
    }
}
