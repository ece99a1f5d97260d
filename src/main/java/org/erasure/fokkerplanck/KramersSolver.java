package org.erasure.fokkerplanck;

import java.util.ArrayList;

import java.util.List;

import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.LongConsumer;
import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TimeGrid;
import org.erasure.model.UnsupportedProblemException;
import org.erasure.util.Futures;

/**
 * The underdamped (phase-space) Fokker–Planck solver, SPEC 3.2b: the Klein–Kramers equation for ρ(x, v, t) by
 * {@link KramersRun}, the two bit values as two densities (run concurrently when a helper is idle; the same numbers
 * either way), at one resolution. Energies in kT, x in the potential's length unit, v in that unit per τ_D.
 */
public final class KramersSolver {

    private KramersSolver() {
    }

    /**
     * Energy above the bottom of the potential (kT) within which the position grid holds every point at every time
     * of the protocol: where the weight at equilibrium would be below e^−(this), and beyond what a density
     * resolving ε down to 1e−30 can reach.
     */
    static final double POSITION_REACH_KT = 100;

    /**
     * The positions the grid covers: the union over 201 times of the protocol of {x : U(x, t) − min U(t) ≤
     * {@link #POSITION_REACH_KT}}, found on 4001 points of the potential's confining interval (whose e^−80 bound is
     * loose, hundreds of kT for the piecewise-harmonic well) and widened by one of those points on each side.
     */
    static double[] positionDomain(ErasureProblem problem) {
        final double[] reach = problem.protocol().confiningInterval(problem.potential());
        final int n = 4001;
        final double step = (reach[1] - reach[0]) / (n - 1);
        final double[] u = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        final double tau = problem.duration();
        for (int k = 0; k <= 200; k++) {
            final double t = tau * k / 200;
            final double c0 = problem.protocol().control0(t);
            final double c1 = problem.protocol().control1(t);
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                u[i] = problem.potential().energy(reach[0] + i * step, c0, c1);
                min = Math.min(min, u[i]);
            }
            for (int i = 0; i < n; i++) {
                if (u[i] - min <= POSITION_REACH_KT) {
                    lo = Math.min(lo, reach[0] + (i - 1) * step);
                    hi = Math.max(hi, reach[0] + (i + 1) * step);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * V, the velocity grid's bound (x_m/τ_D): {@link FokkerPlanckSettings#DEFAULT_VELOCITY_REACH} thermal velocities
     * (the cantilever preset's half-period erasure puts 1e−31 in the edge cells there).
     */
    public static double velocityBound(ErasureProblem problem) {
        return velocityBound(problem, FokkerPlanckSettings.DEFAULT_VELOCITY_REACH);
    }

    /** V at {@code reach} thermal velocities 1/√μ (x_m/τ_D). */
    public static double velocityBound(ErasureProblem problem, double reach) {
        return reach / Math.sqrt(mass(problem));
    }

    static double mass(ErasureProblem problem) {
        if (!(problem.dynamics() instanceof Dynamics.Underdamped u)) {
            throw new IllegalArgumentException("the phase-space solver solves underdamped dynamics");
        }
        return u.mass();
    }

    /**
     * The problem at the settings and at half their resolution (half the cells in x and in v, half the steps): the
     * solution with its numerical error, the four runs (two bit values, two resolutions) shared with idle helpers.
     * First order in the control steps: a settings' time order 2 (Richardson) is refused.
     */
    public static FokkerPlanckSolution solution(ErasureProblem problem, FokkerPlanckSettings settings,
                                                FokkerPlanckSolution.Tolerance tolerance, LongConsumer progress,
                                                Executor helpers) {
        final FokkerPlanckSettings half = settings.coarsened();
        // the requested solve first, its two bit values shared with an idle helper; then the half-resolution solve
        // and the one-way checks side by side (on two cores the four-period cantilever took 36 s when the half solve
        // held the helper from the start and the requested one ran its two densities in turn)
        final FokkerPlanckResult fine = solve(problem, settings, settings.grid(problem), progress, helpers);
        final List<FutureTask<FokkerPlanckResult>> lower = new ArrayList<>();
        lower.add(new FutureTask<>(() -> solve(problem, half, half.grid(problem), progress, helpers)));
        for (FokkerPlanckSettings s : oneWayChecks(settings)) {
            lower.add(new FutureTask<>(() -> solve(problem, s, s.grid(problem), progress, helpers)));
        }
        Futures.runShared(lower, helpers);
        final List<FokkerPlanckResult> oneWayResults = new ArrayList<>();
        for (int k = 1; k < lower.size(); k++) {
            oneWayResults.add(Futures.get(lower.get(k)));
        }
        return new FokkerPlanckSolution(fine, Futures.get(lower.get(0)), settings, tolerance,
                List.copyOf(oneWayResults));
    }

    /**
     * The one-way checks of a phase-space solve: the settings with the position cells alone halved, and with the
     * velocity cells alone halved (where the grid allows). Their differences from the full solve are summed into the
     * numerical error ({@link FokkerPlanckSolution}), since the errors of the two directions can have opposite signs
     * and cancel in the solve that halves both: measured on a NESTbench-style table protocol at Q = 7, ⟨ΔK⟩ moved by
     * −1.18 kT when x alone was refined and +0.52 kT when v alone was, so the solve at half of both differed by
     * 0.36 kT where a twice finer one moved 0.95 kT.
     */
    static List<FokkerPlanckSettings> oneWayChecks(FokkerPlanckSettings settings) {
        final List<FokkerPlanckSettings> out = new ArrayList<>();
        final FokkerPlanckSettings x = settings.halvedInPosition();
        final FokkerPlanckSettings v = settings.halvedInVelocity();
        if (x != null) {
            out.add(x);
        }
        if (v != null) {
            out.add(v);
        }
        return out;
    }

    /** One solve at the settings' resolution on the given time grid (first order: see {@link #solution}). */
    public static FokkerPlanckResult solve(ErasureProblem problem, FokkerPlanckSettings s, TimeGrid time,
                                           LongConsumer progress, Executor helpers) {
        if (s.timeOrder() != 1) {
            throw new UnsupportedProblemException("the phase-space (underdamped) solver is first order in the control "
                    + "steps, its numerical error from a second solve at half the resolution; it takes time_order 1, "
                    + "got " + s.timeOrder());
        }
        final long perStep = (long) s.cells() * s.velocityCells();
        return solve(problem, s.cells(), s.velocityCells(), s.velocityReach(), time, s.snapshotFractions(),
                progress == null ? null : done -> progress.accept(perStep), helpers);
    }

    /**
     * The problem on {@code xCells} × {@code vCells} cells and the time grid's steps (protocol, then hold at the
     * final controls), recording the position marginal at the snapshot fractions of τ.
     *
     * @param progress cell-steps done (null: none)
     * @param helpers  runs the second bit value's density when idle (null: the caller runs both)
     */
    public static FokkerPlanckResult solve(ErasureProblem problem, int xCells, int vCells, TimeGrid time,
                                           double[] snapshotFractions, LongConsumer progress, Executor helpers) {
        return solve(problem, xCells, vCells, FokkerPlanckSettings.DEFAULT_VELOCITY_REACH, time, snapshotFractions,
                progress, helpers);
    }

    /** As {@link #solve(ErasureProblem, int, int, TimeGrid, double[], LongConsumer, Executor)}, v within ±reach/√μ. */
    public static FokkerPlanckResult solve(ErasureProblem problem, int xCells, int vCells, double velocityReach,
                                           TimeGrid time, double[] snapshotFractions, LongConsumer progress,
                                           Executor helpers) {
        final double mass = mass(problem);
        final double[] domain = positionDomain(problem);
        final double tau = problem.duration();
        final CellGrid x = CellGrid.on(domain[0], domain[1], xCells, problem.potential().barrierPosition(
                problem.protocol().control0(tau), problem.protocol().control1(tau)));
        final PhaseSpaceGrid grid = PhaseSpaceGrid.of(x, vCells, velocityBound(problem, velocityReach), mass);
        final long[] at = new long[snapshotFractions.length];
        for (int s = 0; s < at.length; s++) {
            at[s] = Math.round(snapshotFractions[s] * time.protocolSteps());
        }
        final FutureTask<Half> right = new FutureTask<>(() -> half(problem, grid, time, false, at, progress));
        if (Futures.idle(helpers)) {
            helpers.execute(right);
        }
        final Half left = half(problem, grid, time, true, at, progress);
        return combine(problem, grid, time, snapshotFractions, left, Futures.runOrGet(right));
    }

    /** What one bit value's run leaves: its sums at the start, at the protocol's end and at the end of the hold. */
    private record Half(double mass, double work, double workPlus, double workMinus, double[] start, double[] end,
                        double[] held, double wrongAtProtocolEnd, double wrong, double edge, long transportSteps,
                        double[] initialMarginal, double[] finalMarginal, double[][] snapshots,
                        double[][] endDensity) {
    }

    private static Half half(ErasureProblem problem, PhaseSpaceGrid grid, TimeGrid time, boolean left, long[] at,
                             LongConsumer progress) {
        final KramersRun run = new KramersRun(grid, problem.potential(), problem.protocol(), time, left, progress);
        final double[] start = sums(run);
        final double[] m0 = new double[grid.nx()];
        run.positionMarginal(m0);
        final double[][] snaps = new double[at.length][];
        run.runProtocol(at, snaps);
        final double[] end = sums(run);
        final double[][] endDensity = new double[grid.nx()][];
        for (int i = 0; i < endDensity.length; i++) {
            endDensity[i] = run.density()[i].clone();
        }
        final double wrongEnd = run.wrongMass(problem.target());
        run.runHold(time.holdSteps());
        run.requirePositive();
        final double[] held = sums(run);
        final double[] m1 = new double[grid.nx()];
        run.positionMarginal(m1);
        double mass = 0;
        for (double v : m0) {
            mass += v;
        }
        return new Half(mass, run.work(), run.workPlus(), run.workMinus(), start, end, held, wrongEnd,
                run.wrongMass(problem.target()), run.edgeMass(), run.transportSteps(), m0, m1, snaps, endDensity);
    }

    /** ⟨U⟩, ⟨K⟩ and −S of a run's density now (unnormalised: sums over its cells). */
    private static double[] sums(KramersRun run) {
        final PhaseSpaceGrid g = run.grid();
        final double[] m = new double[g.nx()];
        run.positionMarginal(m);
        final double[] n = new double[g.nv()];
        run.velocityMarginal(n);
        final double[] u = run.energies();
        double uMean = 0;
        for (int i = 0; i < m.length; i++) {
            uMean += m[i] * u[i];
        }
        double k = 0;
        for (int j = 0; j < n.length; j++) {
            k += n[j] * 0.5 * g.mass() * g.v()[j] * g.v()[j];
        }
        return new double[] {uMean, k, run.negEntropy()};
    }

    private static FokkerPlanckResult combine(ErasureProblem problem, PhaseSpaceGrid grid, TimeGrid time,
                                              double[] fractions, Half l, Half r) {
        final int nx = grid.nx();
        final double h = grid.x().h();
        final double[] rho0 = new double[nx];
        final double[] rho1 = new double[nx];
        for (int i = 0; i < nx; i++) {
            rho0[i] = (l.initialMarginal[i] + r.initialMarginal[i]) / h;
            rho1[i] = (l.finalMarginal[i] + r.finalMarginal[i]) / h;
        }
        final double[][] snaps = new double[fractions.length][];
        for (int s = 0; s < snaps.length; s++) {
            snaps[s] = new double[nx];
            for (int i = 0; i < nx; i++) {
                snaps[s][i] = l.snapshots[s][i] + r.snapshots[s][i];
            }
        }
        final double work = l.work + r.work;
        final double dU = (l.held[0] + r.held[0]) - (l.start[0] + r.start[0]);
        final double dK = (l.held[1] + r.held[1]) - (l.start[1] + r.start[1]);
        // the phase-space free energy F = <U> + <K> − S over the protocol [0, τ]; −S of the sum of two densities
        // with disjoint supports at the start, but not at the end: the end's entropy is that of the summed density
        final double fStart = l.start[0] + r.start[0] + l.start[1] + r.start[1] + l.start[2] + r.start[2];
        final double fEnd = l.end[0] + r.end[0] + l.end[1] + r.end[1] + summedNegEntropy(grid, l, r);
        final double dF = fEnd - fStart;
        final double[] u0 = new double[nx];
        final double[] u1 = new double[nx];
        final double[] x = grid.x().centres();
        DensityFunctionals.energies(problem.potential(), x, problem.protocol().control0(0),
                problem.protocol().control1(0), u0);
        DensityFunctionals.energies(problem.potential(), x, problem.protocol().control0(problem.duration()),
                problem.protocol().control1(problem.duration()), u1);
        final double qs = DensityFunctionals.logSumExpNeg(u0) - DensityFunctionals.logSumExpNeg(u1);
        return new FokkerPlanckResult(work, l.workPlus + r.workPlus, l.workMinus + r.workMinus, work - dU - dK, dU, dK,
                l.wrong + r.wrong, l.mass > 0 ? l.wrong / l.mass : Double.NaN,
                r.mass > 0 ? r.wrong / r.mass : Double.NaN, l.wrongAtProtocolEnd + r.wrongAtProtocolEnd, dF,
                work - dF, Double.NaN, Double.NaN, qs, nx, time.protocolSteps(), time.holdSteps(), grid.x().left(), h,
                rho0, rho1, fractions.clone(), snaps,
                new FokkerPlanckResult.PhaseSpace(grid.nv(), grid.vMax(), Math.max(l.edge, r.edge),
                        Math.max(l.transportSteps, r.transportSteps)));
    }

    /** −S of the two runs' summed density at the protocol's end, Σ P ln(P/(h_x h_v)). */
    private static double summedNegEntropy(PhaseSpaceGrid grid, Half l, Half r) {
        final double area = grid.x().h() * grid.hv();
        double s = 0;
        for (int i = 0; i < grid.nx(); i++) {
            final double[] a = l.endDensity[i];
            final double[] b = r.endDensity[i];
            for (int j = 0; j < grid.nv(); j++) {
                final double p = a[j] + b[j];
                if (p > 0) {
                    s += p * Math.log(p / area);
                }
            }
        }
        return s;
    }
}
