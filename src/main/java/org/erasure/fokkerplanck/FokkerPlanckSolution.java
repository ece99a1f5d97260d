package org.erasure.fokkerplanck;

/**
 * A Fokker–Planck result with an estimate of its discretisation error (SPEC 3.2): the problem solved at
 * the requested resolution and again at half of it (half the cells, half the time steps). With the
 * scheme's orders (second in space; first in time, or second with Richardson) the fine value's error is
 * at most about the difference of the two, which is what each {@code ...Error()} returns: a
 * conservative one-sided estimate in the asymptotic regime, and visibly large outside it. The phase-space solver also
 * solves with the position cells alone halved and with the velocity cells alone halved ({@link #oneWay}); where the
 * sum of those two differences is larger, it is the difference used: the two directions' errors can have opposite
 * signs and cancel in the solve that halves both. Its errors are that difference times
 * {@link #PHASE_SPACE_SAFETY_FACTOR}, Roache's factor for an order not verified on a third grid.
 *
 * @param result    the solution at the requested resolution (what is reported)
 * @param coarse    the same problem at half the resolution
 * @param settings  the requested resolution
 * @param tolerance the accuracy a value must reach not to be flagged
 * @param oneWay    the same problem with one direction's cells halved, one solve per direction (empty: none)
 */
public record FokkerPlanckSolution(FokkerPlanckResult result, FokkerPlanckResult coarse,
                                   FokkerPlanckSettings settings, Tolerance tolerance,
                                   java.util.List<FokkerPlanckResult> oneWay) {

    public FokkerPlanckSolution {
        oneWay = java.util.List.copyOf(oneWay);
    }

    /** A solution without one-way checks: the 1-D solver's (checked against an independent solver in the tests). */
    public FokkerPlanckSolution(FokkerPlanckResult result, FokkerPlanckResult coarse, FokkerPlanckSettings settings,
                                Tolerance tolerance) {
        this(result, coarse, settings, tolerance, java.util.List.of());
    }

    /**
     * The factor by which the phase-space solver's two-resolution differences are widened into its numerical errors:
     * the safety factor of Roache's grid convergence index for a study on two grids, whose order of convergence is not
     * confirmed by a third (P. J. Roache, J. Fluids Eng. 116, 405 (1994): 3 for two grids, 1.25 where three give the
     * observed order). Measured need: the phase-space tails are pre-asymptotic at affordable grids (their order in the
     * velocity cells ranges from below 1 to about 2.6). On cantilever.yaml at four periods, 200 × 64 cells at a reach
     * of 12 and 800 steps, ε = 6.49e-7 with a difference of 1.15e-7, where 300 × 320 cells at 1600 steps and splitting
     * both give 4.1e-7 to 4.2e-7: an actual error 2.1 times the difference.
     */
    public static final double PHASE_SPACE_SAFETY_FACTOR = 3;

    /**
     * A value's numerical error: |fine − half|, or where one-way checks were made (the phase-space solver) the sum over
     * them of |fine − that check| if larger (the directions' errors can cancel in the solve that halves all of them at
     * once), times {@link #PHASE_SPACE_SAFETY_FACTOR} for a phase-space solution.
     */
    private double error(java.util.function.ToDoubleFunction<FokkerPlanckResult> value) {
        final double f = value.applyAsDouble(result);
        double sum = 0;
        for (FokkerPlanckResult r : oneWay) {
            sum += Math.abs(f - value.applyAsDouble(r));
        }
        final double difference = Math.max(Math.abs(f - value.applyAsDouble(coarse)), sum);
        return safety() * difference;
    }

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
    public double workError() { return error(FokkerPlanckResult::meanWork); }

    /** Numerical error of ⟨W⁺⟩ (kT). */
    public double workPlusError() { return error(FokkerPlanckResult::meanWorkPlus); }

    /** Numerical error of ⟨W⁻⟩ (kT). */
    public double workMinusError() { return error(FokkerPlanckResult::meanWorkMinus); }

    /** Numerical error of ⟨Q⟩ (kT). */
    public double heatError() { return error(FokkerPlanckResult::meanHeat); }

    /** Numerical error of ⟨ΔU⟩ (kT). */
    public double deltaUError() { return error(FokkerPlanckResult::meanDeltaU); }

    /** Numerical error of ⟨ΔK⟩, the kinetic energy's change (kT; 0 for the 1-D solver). */
    public double deltaKError() { return error(FokkerPlanckResult::meanDeltaK); }

    /** Numerical error (absolute) of ε at the end of the run. */
    public double errorRateError() { return error(FokkerPlanckResult::error); }

    /** Numerical error (absolute) of ε at the end of the protocol. */
    public double errorAtProtocolEndError() { return error(FokkerPlanckResult::errorAtProtocolEnd); }

    /** Relative numerical error of ε, |Δε|/ε (0 when both vanish). */
    public double errorRateRelativeError() {
        return result.error() > 0 ? errorRateError() / result.error() : (coarse.error() > 0 ? Double.POSITIVE_INFINITY : 0);
    }

    /** Numerical error of ΔF (kT). */
    public double freeEnergyChangeError() { return error(FokkerPlanckResult::freeEnergyChange); }

    /** Numerical error of the entropy production ⟨W⟩ − ΔF (kT). */
    public double entropyProductionError() { return error(FokkerPlanckResult::entropyProduction); }

    /** Numerical error of the finite-time bound ΔF + W₂²/τ (kT). */
    public double finiteTimeBoundError() { return error(FokkerPlanckResult::finiteTimeBound); }

    /** kT ln(1/ε)'s numerical error, |ln ε − ln ε_coarse| (kT). */
    public double logInverseErrorError() {
        if (!(result.error() > 0 && coarse.error() > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (FokkerPlanckResult r : oneWay) {
            sum += r.error() > 0 ? Math.abs(Math.log(result.error() / r.error())) : Double.POSITIVE_INFINITY;
        }
        final double difference = Math.max(Math.abs(Math.log(result.error() / coarse.error())), sum);
        return safety() * difference;
    }

    /** {@link #PHASE_SPACE_SAFETY_FACTOR} for a phase-space solution, 1 for the 1-D solver's. */
    private double safety() {
        return result.phaseSpace() != null ? PHASE_SPACE_SAFETY_FACTOR : 1;
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
}
