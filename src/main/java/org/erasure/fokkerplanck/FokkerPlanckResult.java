package org.erasure.fokkerplanck;

/**
 * Noise-free results of a Fokker–Planck erasure run; energies in kT, lengths in x_m, times in τ_D.
 *
 * @param meanWork          ⟨W⟩, with the discrete-time definition of SPEC 2.4
 * @param meanWorkPlus      ⟨W⁺⟩, the mean sum of the positive control increments per trajectory (SPEC 2.4),
 *                          exact as ⟨W⟩ is: Σ_k Σ_i p_i max(0, U_i(λ_{k+1}) − U_i(λ_k)), since each trajectory's
 *                          increment at step k depends on its position alone
 * @param meanWorkMinus     ⟨W⁻⟩, the same with min(0, ·); ⟨W⁺⟩ + ⟨W⁻⟩ = ⟨W⟩ to rounding
 * @param meanHeat          ⟨Q⟩ to the bath
 * @param meanDeltaU        ⟨U(τ)⟩ − ⟨U(0)⟩
 * @param meanDeltaK        ⟨K(τ)⟩ − ⟨K(0)⟩, the kinetic energy's change (underdamped; 0 overdamped), so that
 *                          ⟨W⟩ − ⟨Q⟩ = ⟨ΔU⟩ + ⟨ΔK⟩
 * @param error             probability of ending on the wrong side of the final barrier, at the end of the
 *                          run (after the hold, when there is one)
 * @param errorFromLeft     the same for the particles that started left of the initial barrier
 * @param errorFromRight    the same for those that started right
 * @param errorAtProtocolEnd the error at the end of the protocol, before any hold (= error without one)
 * @param freeEnergyChange  ΔF of the non-equilibrium free energy F[ρ] = ⟨U⟩ − S[ρ] over the protocol [0, τ] (in phase
 *                          space F[ρ] = ⟨U⟩ + ⟨K⟩ − S[ρ(x, v)])
 * @param entropyProduction ⟨W⟩ − ΔF (≥ 0 by the second law) over the protocol
 * @param wasserstein2      W₂(ρ₀, ρ_τ) in x_m, from the quantile functions
 * @param finiteTimeBound   ΔF + W₂²/τ (Aurell et al. 2011; Proesmans, Ehrich &amp; Bechhoefer 2020), γ = 1
 * @param quasiStaticWork   −ln Z(τ)/Z(0), the equilibrium free-energy change
 * @param cells             grid cells
 * @param timeSteps         time steps of the protocol
 * @param holdSteps         time steps of the hold (growing from the protocol's step, see
 *                          {@link FokkerPlanckSolver#HOLD_GROWTH}), 0 without one
 * @param domainLow         left edge of the grid
 * @param cellWidth         h
 * @param initialDensity    ρ(x, 0) at the cell centres (1/x_m)
 * @param finalDensity      ρ at the end of the run (after the hold)
 * @param snapshotFractions times of the snapshots as fractions of τ
 * @param snapshots         ρ(x, t) at those times (1/x_m), one array per time
 * @param phaseSpace        the velocity grid of a phase-space (Kramers) solve, whose densities above are the position
 *                          marginals; null for the 1-D solver
 */
public record FokkerPlanckResult(double meanWork, double meanWorkPlus, double meanWorkMinus, double meanHeat, double meanDeltaU,
                                 double meanDeltaK, double error,
                                 double errorFromLeft, double errorFromRight, double errorAtProtocolEnd,
                                 double freeEnergyChange,
                                 double entropyProduction, double wasserstein2, double finiteTimeBound,
                                 double quasiStaticWork, int cells, long timeSteps, long holdSteps, double domainLow,
                                 double cellWidth, double[] initialDensity, double[] finalDensity,
                                 double[] snapshotFractions, double[][] snapshots, PhaseSpace phaseSpace) {

    /**
     * What a phase-space solve adds: its velocity grid and how near the density came to the grid's edges.
     *
     * @param velocityCells  velocity cells
     * @param velocityBound  V, the grid spans v in [−V, V] (x_m/τ_D)
     * @param edgeProbability the largest probability found in the grid's outermost cells (either edge in x or v) at
     *                        the end of any step: the edges reflect, which is not physics, so it must be negligible
     * @param transportSteps  transport sub-steps run (each step of the protocol runs as many as positivity needs)
     */
    public record PhaseSpace(int velocityCells, double velocityBound, double edgeProbability, long transportSteps) {
    }

    /**
     * What a search saw of a point: its ⟨W⟩ and ε on the search grid, every other quantity NaN (or empty), since the
     * search computed none of them. Never a reported result.
     */
    public static FokkerPlanckResult ofWorkAndError(double meanWork, double error) {
        final double nan = Double.NaN;
        return new FokkerPlanckResult(meanWork, nan, nan, nan, nan, nan, error, nan, nan, error, nan, nan, nan, nan,
                nan, 0, 0, 0, nan, nan, new double[0], new double[0], new double[0], new double[0][], null);
    }

    /** A 1-D (overdamped) result: no kinetic energy, no velocity grid. */
    public FokkerPlanckResult(double meanWork, double meanWorkPlus, double meanWorkMinus, double meanHeat,
                              double meanDeltaU, double error, double errorFromLeft, double errorFromRight,
                              double errorAtProtocolEnd, double freeEnergyChange, double entropyProduction,
                              double wasserstein2, double finiteTimeBound, double quasiStaticWork, int cells,
                              long timeSteps, long holdSteps, double domainLow, double cellWidth,
                              double[] initialDensity, double[] finalDensity, double[] snapshotFractions,
                              double[][] snapshots) {
        this(meanWork, meanWorkPlus, meanWorkMinus, meanHeat, meanDeltaU, 0, error, errorFromLeft, errorFromRight,
                errorAtProtocolEnd, freeEnergyChange, entropyProduction, wasserstein2, finiteTimeBound,
                quasiStaticWork, cells, timeSteps, holdSteps, domainLow, cellWidth, initialDensity, finalDensity,
                snapshotFractions, snapshots, null);
    }

    /** Whether this is a phase-space (underdamped) result. */
    public boolean isPhaseSpace() {
        return phaseSpace != null;
    }

    /** The same result without its density snapshots (as a run recording none gives it). */
    public FokkerPlanckResult withoutSnapshots() {
        return new FokkerPlanckResult(meanWork, meanWorkPlus, meanWorkMinus, meanHeat, meanDeltaU, meanDeltaK, error,
                errorFromLeft, errorFromRight, errorAtProtocolEnd, freeEnergyChange, entropyProduction, wasserstein2,
                finiteTimeBound, quasiStaticWork, cells, timeSteps, holdSteps, domainLow, cellWidth, initialDensity,
                finalDensity, new double[0], new double[0][], phaseSpace);
    }

    /** Cell centre i. */
    public double x(int i) {
        return domainLow + (i + 0.5) * cellWidth;
    }
}
