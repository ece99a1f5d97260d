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
    private static final int REPORT_EVERY = 512;

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
        final Grid g = Grid.of(potential, protocol, cells, mode.widened);
        final Landscape land = new Landscape(potential, protocol, g);
        final int n = g.n();
        final double[] uOld = land.energiesAtStart();
        final Run run = new Run(potential, protocol, target, g, uOld, grid, snapshotFractions, progress,
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
     * The cell energies and Scharfetter–Gummel rates of a grid at the protocol's controls at a given time: what each
     * step of a run needs, computed once for all runs that step at that time. Scratch only; no allocation per call.
     */
    static final class Landscape {
        private final Potential potential;
        private final Protocol protocol;
        private final double[] x;
        private final double invH2;
        private final double[] shifted;             // scratch: the rates' shifted energies, or the zero-tilt ones
        private final double[] c0 = new double[1];
        private final double[] c1 = new double[1];
        // a tilt-linear potential (U = V(x; c0) − c1·x): the zero-tilt differences of neighbouring cells at the first
        // control c0Cached, and their exponentials as far as needed (ScharfetterGummel.ratesTilted); null otherwise
        private final double h;
        private final double[] zeroTiltDiff;
        private final double[] expMinus;
        private final double[] expPlus;
        private double c0Cached = Double.NaN;

        Landscape(Potential potential, Protocol protocol, Grid g) {
            this.potential = potential;
            this.protocol = protocol;
            this.x = g.centres();
            this.h = g.h();
            this.invH2 = 1 / (g.h() * g.h());
            this.shifted = new double[g.n()];
            final boolean tilt = potential.tiltIsLinear();
            this.zeroTiltDiff = tilt ? new double[g.n()] : null;
            this.expMinus = tilt ? new double[g.n()] : null;
            this.expPlus = tilt ? new double[g.n()] : null;
        }

        /** A new array of the energies at the controls of t = 0. */
        double[] energiesAtStart() {
            final double[] u = new double[x.length];
            energies(potential, x, protocol.control0(0), protocol.control1(0), u);
            return u;
        }

        /** Energies u and rates up, down at the controls of time t (a step of dt ends there). */
        void at(double t, double dt, double[] u, double[] up, double[] down) {
            protocol.fill(t, dt, 1, c0, c1);
            energies(potential, x, c0[0], c1[0], u);
            if (zeroTiltDiff == null) {
                ScharfetterGummel.rates(u, invH2, up, down, x.length, shifted);
                return;
            }
            // the rates from the zero-tilt differences at this c0 and the tilt's share of a face, F·h; within a
            // tilt-only phase c0 repeats (a keyframe's g + 0·s = g exactly), and the steep faces' exponentials with it
            if (!(c0[0] == c0Cached)) {
                energies(potential, x, c0[0], 0, shifted);
                for (int i = 0; i < x.length - 1; i++) {
                    zeroTiltDiff[i] = shifted[i + 1] - shifted[i];
                }
                java.util.Arrays.fill(expMinus, Double.NaN);
                java.util.Arrays.fill(expPlus, Double.NaN);
                c0Cached = c0[0];
            }
            ScharfetterGummel.ratesTilted(zeroTiltDiff, c1[0] * h, invH2, up, down, x.length, expMinus, expPlus);
        }
    }

    /**
     * One backward-Euler run of {@link #solve}: the two densities and the running sums. The caller supplies each step's
     * energies and rates, so that two runs whose steps share controls (a run and its refinement: every second step
     * of the finer one) can share them ({@link #solveSecondOrder}).
     */
    private static final class Run {
        private final TargetWell target;
        private final Grid g;
        private final TimeGrid grid;
        private final int n;
        private final double tau;
        private final double[] u0;
        private final double[] p0;
        private final double[] pl;
        private final double[] pr;
        private final double massLeft;
        private final double[][] scratch;
        private final double[] sums = new double[3];
        private final double[] snapshotFractions;
        private final double[][] snaps;
        private final long[] snapStep;
        private final LongConsumer progress;
        private double work;
        private double workPlus;
        private double workMinus;
        private double heat;
        private double uRelaxed;
        private double uJump = Double.NaN;

        /**
         * The discrete Boltzmann start in the energies u0 of the controls at t = 0, split at the initial barrier, or
         * as one density when {@code mixed} (the error per bit value then unknown: NaN).
         */
        Run(Potential potential, Protocol protocol, TargetWell target, Grid g, double[] u0, TimeGrid grid,
            double[] snapshotFractions, LongConsumer progress, boolean mixed) {
            this.target = target;
            this.g = g;
            this.grid = grid;
            this.n = g.n();
            this.tau = protocol.duration();
            this.u0 = u0.clone();
            this.p0 = boltzmann(u0);
            final double xbStart = potential.barrierPosition(protocol.control0(0), protocol.control1(0));
            final double[] x = g.centres();
            this.pl = new double[n];
            this.pr = mixed ? null : new double[n];
            double left = 0;
            for (int i = 0; i < n; i++) {
                if (x[i] < xbStart) {
                    pl[i] = p0[i];
                    left += p0[i];
                } else if (mixed) {
                    pl[i] = p0[i];
                } else {
                    pr[i] = p0[i];
                }
            }
            this.massLeft = left;
            this.scratch = new double[4][n];
            this.snapshotFractions = snapshotFractions;
            this.snaps = new double[snapshotFractions.length][];
            this.snapStep = new long[snapshotFractions.length];
            for (int j = 0; j < snapStep.length; j++) {
                snapStep[j] = Math.round(snapshotFractions[j] * grid.protocolSteps());
            }
            this.progress = progress;
            record(snaps, snapStep, 0, pl, pr, g.h());
            // <U> before each control jump, after each relaxation: the work and heat of step k are
            // <U(λ_k)>_{p_{k−1}} − <U(λ_{k−1})>_{p_{k−1}} and <U(λ_k)>_{p_{k−1}} − <U(λ_k)>_{p_k}, so that
            // W − Q telescopes to <U>_end − <U>_0 (one dot product fewer per step). The first step brings its own
            // <U>_0 (step); this one stands for a run without steps
            this.uRelaxed = dot2(pl, pr, u0, n);
        }

        /**
         * Step k: the controls jump from those of the energies uPrev to those of uNow at fixed density, then the
         * densities relax for the grid's dt at the rates up, down (those of uNow). The jump's sums, ⟨U⟩ before and after
         * it at the densities of step k − 1, come from the elimination loop of step k's solve, which reads those
         * densities anyway; so the relaxed ⟨U⟩ of step k − 1 arrives with them, and its heat is added at step k.
         */
        void step(long k, double[] uNow, double[] uPrev, double[] up, double[] down) {
            // the jump's sums come from the elimination loop, which reads the densities before it relaxes them
            PositiveTridiagonal.solve2Twisted(up, down, grid.dt(), n, pl, pr, scratch, uNow, uPrev, sums);
            if (k > 1) {
                heat += uJump - sums[2];
            }
            uRelaxed = sums[2];             // at k = 1 the starting <U>, summed as sums[0] is (a constant start: no work)
            uJump = sums[0];
            work += uJump - uRelaxed;
            final double gross = sums[1];
            workPlus += gross;
            workMinus += (uJump - uRelaxed) - gross;
            record(snaps, snapStep, k, pl, pr, g.h());
            if (progress != null && k % REPORT_EVERY == 0) {
                progress.accept((long) REPORT_EVERY * n);
            }
        }

        /** The hold at the final controls (energies uEnd, rates up, down), then the result. */
        FokkerPlanckResult finish(double[] uEnd, double[] up, double[] down) {
            final long steps = grid.protocolSteps();
            final double h = g.h();
            if (progress != null) {
                progress.accept(steps % REPORT_EVERY * n);
            }
            if (steps > 0) {
                uRelaxed = dot2(pl, pr, uEnd, n);
                heat += uJump - uRelaxed;
            }
            final double[] pEnd = new double[n];
            for (int i = 0; i < n; i++) {
                pEnd[i] = pr == null ? pl[i] : pl[i] + pr[i];
            }
            final int firstRight = g.firstRight();
            final double errorAtProtocolEnd = wrongMass(pl, firstRight, target) + wrongMass(pr, firstRight, target);
            final double u0Mean = mean(p0, u0);
            final double fStart = u0Mean + negEntropy(p0, h);
            final double fEnd = mean(pEnd, uEnd) + negEntropy(pEnd, h);
            final double dF = fEnd - fStart;
            final double w2 = Wasserstein.distance(p0, pEnd, g.left(), h);
            final double qs = logSumExpNeg(u0) - logSumExpNeg(uEnd);

            // The hold: the controls, hence the energies and rates of the last step, stay as they are; no work.
            // Backward Euler from the protocol's step, each step longer by the factor 1 + HOLD_GROWTH/N
            // (see holdSteps), so a hold of 1e9 tau_D costs about as many steps as the protocol.
            long holdSteps = 0;
            if (grid.holdTime() > 0) {
                final double growth = 1 + HOLD_GROWTH / Math.max(1, steps);
                double done = 0;
                double dtHold = grid.dt();
                while (done < grid.holdTime()) {
                    final double dtNow = Math.min(dtHold, grid.holdTime() - done);
                    PositiveTridiagonal.solve2Twisted(up, down, dtNow, n, pl, pr, scratch);
                    done = dtNow == dtHold ? done + dtHold : grid.holdTime();
                    dtHold *= growth;
                    holdSteps++;
                    if (progress != null) {
                        progress.accept(n);
                    }
                }
            }
            if (holdSteps > 0) {
                final double uHeld = dot2(pl, pr, uEnd, n);
                heat += uRelaxed - uHeld;
                uRelaxed = uHeld;
            }
            final double wrongLeft = wrongMass(pl, firstRight, target);
            final double wrongRight = wrongMass(pr, firstRight, target);
            final double massRight = 1 - massLeft;
            final double[] rho0 = new double[n];
            final double[] rhoEnd = new double[n];
            for (int i = 0; i < n; i++) {
                rho0[i] = p0[i] / h;
                rhoEnd[i] = (pr == null ? pl[i] : pl[i] + pr[i]) / h;
            }
            final boolean split = pr != null;
            return new FokkerPlanckResult(work, workPlus, workMinus, heat, uRelaxed - u0Mean, wrongLeft + wrongRight,
                    split && massLeft > 0 ? wrongLeft / massLeft : Double.NaN,
                    split && massRight > 0 ? wrongRight / massRight : Double.NaN, errorAtProtocolEnd, dF, work - dF, w2,
                    dF + w2 * w2 / tau, qs, n, steps, holdSteps, g.left(), h, rho0, rhoEnd, snapshotFractions.clone(),
                    snaps);
        }
    }

    /**
     * The cells of a problem: the union over the protocol of the intervals beyond which exp(−U) &lt; e^−80,
     * widened by 25 %, cut into cells of width h, shifted so that a face lies exactly on the final barrier.
     *
     * @param left       the left edge
     * @param h          the cell width
     * @param n          the number of cells
     * @param firstRight the first cell right of the final barrier
     */
    record Grid(double left, double h, int n, int firstRight) {
        static Grid of(Potential potential, Protocol protocol, int cells) {
            return of(potential, protocol, cells, true);
        }

        /** As {@link #of(Potential, Protocol, int)}, on the confining interval itself unless {@code widen}. */
        static Grid of(Potential potential, Protocol protocol, int cells, boolean widen) {
            final double tau = protocol.duration();
            final double[] reach = protocol.confiningInterval(potential);
            final double[] domain = widen ? widened(reach[0], reach[1]) : reach;
            final double h = (domain[1] - domain[0]) / cells;
            final double xbEnd = potential.barrierPosition(protocol.control0(tau), protocol.control1(tau));
            final double left = xbEnd - Math.ceil((xbEnd - domain[0]) / h) * h;
            return new Grid(left, h, (int) Math.ceil((domain[1] - left) / h), (int) Math.round((xbEnd - left) / h));
        }

        double[] centres() {
            final double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = left + (i + 0.5) * h;
            }
            return x;
        }
    }

    private static void record(double[][] snaps, long[] at, long k, double[] pl, double[] pr, double h) {
        for (int j = 0; j < at.length; j++) {
            if (at[j] == k) {
                final double[] d = new double[pl.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (pr == null ? pl[i] : pl[i] + pr[i]) / h;
                }
                snaps[j] = d;
            }
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
        final Grid g = Grid.of(potential, protocol, cells, mode.widened);
        final Landscape land = new Landscape(potential, protocol, g);
        final int n = g.n();
        double[] before = land.energiesAtStart();         // energies at the controls of coarse step k − 1
        double[] now = new double[n];                     // ... of coarse step k
        final double[] middle = new double[n];            // ... of fine step 2k − 1
        final Run coarse = new Run(potential, protocol, target, g, before, grid, new double[0], progress,
                mode.oneDensity);
        final Run fine = new Run(potential, protocol, target, g, before, fineGrid, snapshotFractions, progress,
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
        return richardson(fine.finish(before, up, down), coarse.finish(before, up, down));
    }

    /**
     * The second-order result from the runs on grid.refined() ({@code fine}) and on the grid ({@code coarse}) of
     * {@link #solveSecondOrder}: what it returns, for callers that run the two solves concurrently.
     */
    static FokkerPlanckResult richardson(FokkerPlanckResult fine, FokkerPlanckResult coarse) {
        return new FokkerPlanckResult(ex(fine.meanWork(), coarse.meanWork()),
                ex(fine.meanWorkPlus(), coarse.meanWorkPlus()), ex(fine.meanWorkMinus(), coarse.meanWorkMinus()),
                ex(fine.meanHeat(), coarse.meanHeat()),
                ex(fine.meanDeltaU(), coarse.meanDeltaU()), exProbability(fine.error(), coarse.error()),
                exProbability(fine.errorFromLeft(), coarse.errorFromLeft()),
                exProbability(fine.errorFromRight(), coarse.errorFromRight()),
                exProbability(fine.errorAtProtocolEnd(), coarse.errorAtProtocolEnd()),
                ex(fine.freeEnergyChange(), coarse.freeEnergyChange()),
                ex(fine.entropyProduction(), coarse.entropyProduction()),
                ex(fine.wasserstein2(), coarse.wasserstein2()), ex(fine.finiteTimeBound(), coarse.finiteTimeBound()),
                fine.quasiStaticWork(), fine.cells(), fine.timeSteps(), fine.holdSteps(), fine.domainLow(),
                fine.cellWidth(), fine.initialDensity(), fine.finalDensity(), fine.snapshotFractions(),
                fine.snapshots());
    }

    private static double ex(double fine, double coarse) {
        return 2 * fine - coarse;
    }

    /**
     * Richardson on ln ε: ε_f²/ε_c, positive whenever ε_f is; ε_f itself when ε_c vanishes (no rate
     * to extrapolate) or either is NaN (no particles of that bit value). At most 1.
     */
    static double exProbability(double fine, double coarse) {
        if (!(fine > 0) || !(coarse > 0)) {
            return fine;
        }
        return Math.min(1, fine * (fine / coarse));
    }

    /**
     * Σ (a_i + b_i) u_i with four partial sums (instruction-level parallelism; a fixed order); b may be null (one
     * density).
     */
    static double dot2(double[] a, double[] b, double[] u, int n) {
        final boolean two = b != null;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += (two ? a[i] + b[i] : a[i]) * u[i];
            s1 += (two ? a[i + 1] + b[i + 1] : a[i + 1]) * u[i + 1];
            s2 += (two ? a[i + 2] + b[i + 2] : a[i + 2]) * u[i + 2];
            s3 += (two ? a[i + 3] + b[i + 3] : a[i + 3]) * u[i + 3];
        }
        for (; i < n; i++) {
            s0 += (two ? a[i] + b[i] : a[i]) * u[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void energies(Potential p, double[] x, double c0, double c1, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = p.energy(x[i], c0, c1);
        }
    }

    /**
     * The grid's interval: the confining interval (weight below e^−80 outside) widened by 25 % about its
     * centre, so that even 1e−30 tails are resolved with room to spare.
     */
    static double[] widened(double lo, double hi) {
        final double mid = 0.5 * (lo + hi);
        return new double[] {mid - 1.25 * (mid - lo), mid + 1.25 * (hi - mid)};
    }

    /** Cell probabilities ∝ exp(−U_i), normalised without overflow. */
    static double[] boltzmann(double[] u) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : u) {
            min = Math.min(min, v);
        }
        final double[] p = new double[u.length];
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            p[i] = Math.exp(-(u[i] - min));
            s += p[i];
        }
        for (int i = 0; i < u.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    /** ln Σ exp(−U_i) (the grid's h cancels in free-energy differences). */
    private static double logSumExpNeg(double[] u) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : u) {
            min = Math.min(min, v);
        }
        double s = 0;
        for (double v : u) {
            s += Math.exp(-(v - min));
        }
        return Math.log(s) - min;
    }

    /** The mass of p on the wrong side (0 for no density, p null). */
    private static double wrongMass(double[] p, int firstRight, TargetWell target) {
        if (p == null) {
            return 0;
        }
        double s = 0;
        if (target == TargetWell.RIGHT) {
            for (int i = 0; i < firstRight; i++) {
                s += p[i];
            }
        } else {
            for (int i = firstRight; i < p.length; i++) {
                s += p[i];
            }
        }
        return s;
    }

    private static double mean(double[] p, double[] u) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * u[i];
        }
        return s;
    }

    /** −S[ρ] = ∫ρ ln ρ dx = Σ p_i ln(p_i/h). */
    private static double negEntropy(double[] p, double h) {
        double s = 0;
        for (double v : p) {
            if (v > 0) {
                s += v * Math.log(v / h);
            }
        }
        return s;
    }
}
