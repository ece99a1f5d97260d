package org.erasure.fokkerplanck;

import java.util.function.LongConsumer;
import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;

/**
 * Overdamped 1-D Fokker–Planck solver (SPEC 3.2): finite volumes with Scharfetter–Gummel fluxes
 * (exact discrete Boltzmann equilibrium), backward Euler in time with the positivity-preserving
 * tridiagonal solve of {@link PositiveTridiagonal}, so tail probabilities keep relative accuracy.
 *
 * <p>Time stepping mirrors the Monte Carlo engine: in step k the controls jump from λ_k to λ_{k+1}
 * at fixed density (work Σ p_i [U_i(λ_{k+1}) − U_i(λ_k)]), then the density relaxes for dt in
 * U(·; λ_{k+1}) (heat Σ (p_i^k − p_i^{k+1}) U_i(λ_{k+1})). The two engines therefore agree up to
 * discretisation error. The particles that start left and right of the initial barrier are
 * evolved as two separate densities so the error is known per initial bit value.
 */
public final class FokkerPlanckSolver {

    /**
     * What a run evolves, and on which cells.
     *
     * <ul>
     * <li>{@code SPLIT}: the two bit values as two densities (the error per bit value known), on the confining
     * interval widened by 25 % ({@link #widened}): every reported number.</li>
     * <li>{@code MIXED}: both bit values as one density, their sum (the equation is linear): the same ensemble
     * results to rounding, the errors per bit value NaN; a step costs about a quarter less (one right-hand side in
     * the tridiagonal solve, one density in the ⟨U⟩ pass).</li>
     * <li>{@code SEARCH}: one density on the confining interval itself (beyond it exp(−U) &lt; e^−80 of the
     * minimum at every time of the protocol): the objective of a protocol search, never reported. Without the
     * margin the same number of cells is finer, and fewer faces are steep enough to need the exponential form of
     * the rates.</li>
     * </ul>
     */
    public enum Mode {
        SPLIT(false, true), MIXED(true, true), SEARCH(true, false);

        final boolean oneDensity;
        final boolean widened;

        Mode(boolean oneDensity, boolean widened) {
            this.oneDensity = oneDensity;
            this.widened = widened;
        }
    }

    /** The coarsest grid accepted (and so the finest worth a two-resolution estimate: twice this). */
    public static final int MIN_CELLS = 20;

    /**
     * The hold's steps grow geometrically: step j lasts dt·(1 + HOLD_GROWTH/N)^j (N the protocol's steps; the
     * last step is cut to end on the hold), so a step is never longer than HOLD_GROWTH/N of the time already
     * held. Refining the grid (2N steps of dt/2) halves both the first step and the growth, so the
     * two-resolution estimate covers the hold as it covers the protocol. Backward Euler keeps the discrete
     * Boltzmann state of each well exactly, and the slow inter-well mode, λ₁·Δt ≪ 1 wherever the error
     * budget allows a hold at all, is followed to O(λ₁Δt).
     */
    static final double HOLD_GROWTH = 50;

    /** The number of hold steps {@link #solve} runs for a hold after a protocol of N steps of dt. */
    public static long holdSteps(double dt, long protocolSteps, double hold) {
        if (!(hold > 0)) {
            return 0;
        }
        final double g = HOLD_GROWTH / Math.max(1, protocolSteps);
        return (long) Math.ceil(Math.log1p(hold * g / dt) / Math.log1p(g));
    }

    private FokkerPlanckSolver() {
    }

    /**
     * @param potential the landscape
     * @param protocol  the schedule over [0, τ]
     * @param target    the well that counts as correct
     * @param cells     requested number of cells (the grid is shifted to put a face on the final barrier)
     * @param dt        requested time step; τ/round(τ/dt) is used
     */
    public static FokkerPlanckResult solve(Potential potential, Protocol protocol, TargetWell target, int cells,
                                           double dt) {
        return solve(potential, protocol, target, cells, TimeGrid.of(protocol.duration(), 0, dt), new double[0]);
    }

    /**
     * As {@link #solve(Potential, Protocol, TargetWell, int, double)}, also recording the density at the
     * given fractions of τ (each at the nearest time step).
     */
    public static FokkerPlanckResult solve(Potential potential, Protocol protocol, TargetWell target, int cells,
                                           double dt, double[] snapshotFractions) {
        return solve(potential, protocol, target, cells, TimeGrid.of(protocol.duration(), 0, dt), snapshotFractions);
    }

    /**
     * The protocol on {@code grid}, then its hold at the final controls ({@code grid.holdSteps()} more steps):
     * ε is measured at the end of the protocol and at the end of the hold, as the Monte Carlo does. Work,
     * heat and ⟨ΔU⟩ are those of the whole run (the hold does no work); ΔF, W₂, the finite-time bound and
     * the entropy production are those of the protocol [0, τ].
     *
     * @param cells             requested number of cells (the grid is shifted to put a face on the final barrier)
     * @param grid              the time steps run
     * @param snapshotFractions times (fractions of τ) at which the density is recorded
     */
    public static FokkerPlanckResult solve(Potential potential, Protocol protocol, TargetWell target, int cells,
                                           TimeGrid grid, double[] snapshotFractions) {
        return solve(potential, protocol, target, cells, grid, snapshotFractions, null);
    }

    /** Steps between two progress reports. */
    static final int REPORT_EVERY = 512;

    /**
     * As {@link #solve(Potential, Protocol, TargetWell, int, TimeGrid, double[])}, reporting progress in cell-steps
     * (cells × time steps done since the last report, protocol and hold) to {@code progress} when it is not null.
     */
    public static FokkerPlanckResult solve(Potential potential, Protocol protocol, TargetWell target, int cells,
                                           TimeGrid grid, double[] snapshotFractions, LongConsumer progress) {
        return solve(potential, protocol, target, cells, grid, snapshotFractions, progress, Mode.SPLIT);
    }

    /** As {@link #solve(Potential, Protocol, TargetWell, int, TimeGrid, double[], LongConsumer)} in a {@link Mode}. */
    public static FokkerPlanckResult solve(Potential potential, Protocol protocol, TargetWell target, int cells,
                                           TimeGrid grid, double[] snapshotFractions, LongConsumer progress,
                                           Mode mode) {
        validate(protocol, cells, grid, snapshotFractions);
        final CellGrid g = CellGrid.of(potential, protocol, cells, mode.widened);
        final RateLandscape land = new RateLandscape(potential, protocol, g);
        final int n = g.n();
        final double[] uOld = land.energiesAtStart();
        final BackwardEulerRun run = new BackwardEulerRun(potential, protocol, target, g, uOld, grid, snapshotFractions, progress,
                mode.oneDensity);
        final double[] up = new double[n - 1];
        final double[] down = new double[n - 1];
        final double step = grid.dt();
        double[] uNow = new double[n];
        double[] uPrev = uOld;
        for (long k = 1; k <= grid.protocolSteps(); k++) {
            land.at(k * step, step, uNow, up, down);
            run.step(k, uNow, uPrev, up, down);
            final double[] t = uPrev;
            uPrev = uNow;
            uNow = t;
        }
        return run.finish(uPrev, up, down);
    }

    private static void validate(Protocol protocol, int cells, TimeGrid grid, double[] snapshotFractions) {
        for (double f : snapshotFractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("snapshot times must lie in [0, 1] (fractions of tau), got " + f);
            }
        }
        if (cells < MIN_CELLS) {
            throw new IllegalArgumentException("the grid needs at least " + MIN_CELLS + " cells, got " + cells);
        }
        final double tau = protocol.duration();
        if (Math.abs(grid.duration() - tau) > 1e-9 * tau) {
            throw new IllegalArgumentException("the time grid covers " + grid.duration() + " tau_D, the protocol " + tau);
        }
    }

    /**
     * Second order in time: Richardson extrapolation of backward Euler, applied to every scalar result
     * rather than to the densities, so the solve stays positive. Energies, W₂ and bounds extrapolate
     * linearly, X = 2·X(dt/2) − X(dt); probabilities extrapolate on their logarithm,
     * ε = ε(dt/2)²/ε(dt), which is positive by construction and equally second order when the
     * first-order error is a relative one, ε(dt) = ε₀(1 + a·dt + …) (the linear form 2ε(dt/2) − ε(dt)
     * can come out negative for ε ≪ |a·dt|). Densities are those of the dt/2 run.
     */
    public static FokkerPlanckResult solveSecondOrder(Potential potential, Protocol protocol, TargetWell target,
                                                      int cells, double dt) {
        return solveSecondOrder(potential, protocol, target, cells, TimeGrid.of(protocol.duration(), 0, dt),
                new double[0]);
    }

    /** Second order in time, with density snapshots (from the dt/2 run). */
    public static FokkerPlanckResult solveSecondOrder(Potential potential, Protocol protocol, TargetWell target,
                                                      int cells, double dt, double[] snapshotFractions) {
        return solveSecondOrder(potential, protocol, target, cells, TimeGrid.of(protocol.duration(), 0, dt),
                snapshotFractions);
    }

    /** Second order in time on {@code grid} (and its refinement), hold included. */
    public static FokkerPlanckResult solveSecondOrder(Potential potential, Protocol protocol, TargetWell target,
                                                      int cells, TimeGrid grid, double[] snapshotFractions) {
        return solveSecondOrder(potential, protocol, target, cells, grid, snapshotFractions, null);
    }

    /** Second order in time, reporting progress in cell-steps (both runs) when {@code progress} is not null. */
    public static FokkerPlanckResult solveSecondOrder(Potential potential, Protocol protocol, TargetWell target,
                                                      int cells, TimeGrid grid, double[] snapshotFractions,
                                                      LongConsumer progress) {
        return solveSecondOrder(potential, protocol, target, cells, grid, snapshotFractions, progress, Mode.SPLIT);
    }

    /** Second order in time in a {@link Mode}. */
    public static FokkerPlanckResult solveSecondOrder(Potential potential, Protocol protocol, TargetWell target,
                                                      int cells, TimeGrid grid, double[] snapshotFractions,
                                                      LongConsumer progress, Mode mode) {
        validate(protocol, cells, grid, snapshotFractions);
        // The two runs in lockstep: step k of the run on the grid has the controls of step 2k of the run on the
        // refined grid (k·dt = 2k·(dt/2) in floating point too), so those steps share their energies and rates: a
        // third of the rate evaluations (the exponentials of the steep faces) fewer, the same numbers bit for bit.
        final TimeGrid fineGrid = grid.refined();
        final CellGrid g = CellGrid.of(potential, protocol, cells, mode.widened);
        final RateLandscape land = new RateLandscape(potential, protocol, g);
        final int n = g.n();
        double[] before = land.energiesAtStart();         // energies at the controls of coarse step k − 1
        double[] now = new double[n];                     // ... of coarse step k
        final double[] middle = new double[n];            // ... of fine step 2k − 1
        final BackwardEulerRun coarse = new BackwardEulerRun(potential, protocol, target, g, before, grid, new double[0], progress,
                mode.oneDensity);
        final BackwardEulerRun fine = new BackwardEulerRun(potential, protocol, target, g, before, fineGrid, snapshotFractions, progress,
                mode.oneDensity);
        final double[] upMiddle = new double[n - 1];
        final double[] downMiddle = new double[n - 1];
        final double[] up = new double[n - 1];
        final double[] down = new double[n - 1];
        final double step = grid.dt();
        final double half = fineGrid.dt();
        for (long k = 1; k <= grid.protocolSteps(); k++) {
            land.at((2 * k - 1) * half, half, middle, upMiddle, downMiddle);
            fine.step(2 * k - 1, middle, before, upMiddle, downMiddle);
            land.at(k * step, step, now, up, down);
            fine.step(2 * k, now, middle, up, down);
            coarse.step(k, now, before, up, down);
            final double[] t = before;
            before = now;
            now = t;
        }
        return Richardson.richardson(fine.finish(before, up, down), coarse.finish(before, up, down));
    }

}
