package org.erasure.fokkerplanck;

/**
 * A Fokker–Planck result with an estimate of its discretisation error (SPEC 3.2): the problem solved at
 * the requested resolution and again at half of it (half the cells, half the time steps). With the
 * scheme's orders (second in space; first in time, or second with Richardson) the fine value's error is
 * at most about the difference of the two, which is what each {@code ...Error()} returns: a
 * conservative one-sided estimate in the asymptotic regime, and visibly large outside it.
 *
 * @param result    the solution at the requested resolution (what is reported)
 * @param coarse    the same problem at half the resolution
 * @param settings  the requested resolution
 * @param tolerance the accuracy a value must reach not to be flagged
 */
public record FokkerPlanckSolution(FokkerPlanckResult result, FokkerPlanckResult coarse,
                                   FokkerPlanckSettings settings, Tolerance tolerance) {

    /**
     * What a Fokker–Planck value must reach to be reported without a warning.
     *
     * @param relativeError largest relative numerical error of an error probability (default 1 %)
     * @param energyKT      largest numerical error of ⟨W⟩ in kT (default 1e-3 kT) ...
     * @param energyRelative ... or this fraction of |⟨W⟩|, whichever is larger (default 1e-4: a fast erasure's
     *                       hundreds of kT need not be known to 1e-3 kT to be compared with kT ln(1/ε))
     */
    public record Tolerance(double relativeError, double energyKT, double energyRelative) {
        public static final Tolerance DEFAULT = new Tolerance(0.01, 1e-3, 1e-4);

        public Tolerance {
            if (!(relativeError > 0) || !(energyKT > 0) || !(energyRelative > 0)) {
                throw new IllegalArgumentException("numerical tolerances must be positive");
            }
        }

        /** The tolerated numerical error of an energy of this size (kT). */
        public double energyFor(double energyKT) {
            return Math.max(this.energyKT, energyRelative * Math.abs(energyKT));
        }
    }

    /** Numerical error of ⟨W⟩ (kT). */
    public double workError() { return diff(result.meanWork(), coarse.meanWork()); }

    /** Numerical error of ⟨W⁺⟩ (kT). */
    public double workPlusError() { return diff(result.meanWorkPlus(), coarse.meanWorkPlus()); }

    /** Numerical error of ⟨W⁻⟩ (kT). */
    public double workMinusError() { return diff(result.meanWorkMinus(), coarse.meanWorkMinus()); }

    /** Numerical error of ⟨Q⟩ (kT). */
    public double heatError() { return diff(result.meanHeat(), coarse.meanHeat()); }

    /** Numerical error of ⟨ΔU⟩ (kT). */
    public double deltaUError() { return diff(result.meanDeltaU(), coarse.meanDeltaU()); }

    /** Numerical error of ⟨ΔK⟩, the kinetic energy's change (kT; 0 for the 1-D solver). */
    public double deltaKError() { return diff(result.meanDeltaK(), coarse.meanDeltaK()); }

    /** Numerical error (absolute) of ε at the end of the run. */
    public double errorRateError() { return diff(result.error(), coarse.error()); }

    /** Numerical error (absolute) of ε at the end of the protocol. */
    public double errorAtProtocolEndError() { return diff(result.errorAtProtocolEnd(), coarse.errorAtProtocolEnd()); }

    /** Relative numerical error of ε, |Δε|/ε (0 when both vanish). */
    public double errorRateRelativeError() {
        return result.error() > 0 ? errorRateError() / result.error() : (coarse.error() > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /** Numerical error of ΔF (kT). */
    public double freeEnergyChangeError() { return diff(result.freeEnergyChange(), coarse.freeEnergyChange()); }

    /** Numerical error of the entropy production ⟨W⟩ − ΔF (kT). */
    public double entropyProductionError() { return diff(result.entropyProduction(), coarse.entropyProduction()); }

    /** Numerical error of the finite-time bound ΔF + W₂²/τ (kT). */
    public double finiteTimeBoundError() { return diff(result.finiteTimeBound(), coarse.finiteTimeBound()); }

    /** kT ln(1/ε)'s numerical error, |ln ε − ln ε_coarse| (kT). */
    public double logInverseErrorError() {
        return result.error() > 0 && coarse.error() > 0 ? Math.abs(Math.log(result.error() / coarse.error()))
                : Double.POSITIVE_INFINITY;
    }

    /** Whether ε and ⟨W⟩ are within the tolerance. */
    public boolean withinTolerance() {
        return errorRateWithinTolerance() && workWithinTolerance();
    }

    /** Whether ε's relative numerical error is within the tolerance. */
    public boolean errorRateWithinTolerance() {
        return errorRateRelativeError() <= tolerance.relativeError();
    }

    /** Whether ⟨W⟩'s numerical error is within the tolerance. */
    public boolean workWithinTolerance() {
        return workError() <= tolerance.energyFor(result.meanWork());
    }

    private static double diff(double a, double b) {
        return Math.abs(a - b);
    }
}
