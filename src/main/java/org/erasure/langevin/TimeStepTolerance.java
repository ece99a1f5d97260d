package org.erasure.langevin;

/**
 * How small a Monte Carlo run's time-step error must be (SPEC 3.1): the error probability within
 * {@code errorRateRelative} of itself, and ⟨W⟩, ⟨W⁺⟩, ⟨W⁻⟩, ⟨Q⟩ within the larger of {@code energyKT} and half their
 * standard error. A value whose estimated time-step error is not resolved above this (beyond two of the estimate's
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

    /** The tolerated time-step error of an energy whose standard error is {@code stderr} (kT). */
    public double energy(double stderr) {
        return Double.isNaN(stderr) ? energyKT : Math.max(energyKT, 0.5 * stderr);
    }

    /** The tolerated time-step error of ln ε. */
    public double logErrorRate() {
        return Math.log1p(errorRateRelative);
    }
}
