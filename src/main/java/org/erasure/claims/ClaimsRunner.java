package org.erasure.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.erasure.Erasure;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.fokkerplanck.HoppingSpectrum;
import org.erasure.fokkerplanck.Retention;
import org.erasure.io.Table;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.InverseTauFit;
import org.erasure.util.Futures;

/**
 * The canonical experiments of SPEC 5, computed into typed rows ({@link Rows}). Deterministic:
 * optimisations run in parallel but are seeded and collected in order.
 */
public final class ClaimsRunner {

    /** Every result of the report, typed; each table as the report lays it out by {@code ...Table()}. */
    public record Results(List<Rows.Approach> approach, Rows.ApproachFit approachFit, List<Rows.Frontier> frontier,
                          Rows.FrontierCheck frontierCheck, Rows.AmsCheck amsCheck, List<Rows.Storing> storing,
                          List<Rows.Speed> speed, List<Rows.Verdict> verdict, List<String> faults) {

        public Table approachTable() {
            return Rows.table(approach, Rows.Approach::row);
        }

        public Table approachFitTable() {
            return Table.of(approachFit.row());
        }

        public Table frontierTable() {
            return Rows.table(frontier, Rows.Frontier::row);
        }

        public Table frontierCheckTable() {
            return Table.of(frontierCheck.row());
        }

        /** The splitting check (empty when no feasible frontier point has a target at most 1e-15). */
        public Table amsCheckTable() {
            return amsCheck == null ? Table.of(List.of()) : Table.of(amsCheck.row());
        }

        public Table storingTable() {
            return Rows.table(storing, Rows.Storing::row);
        }

        public Table speedTable() {
            return Rows.table(speed, Rows.Speed::row);
        }

        public Table verdictTable() {
            return Rows.table(verdict, Rows.Verdict::row);
        }
    }

    /**
     * Monte Carlo agrees with Fokker–Planck when the mean work lies within this many standard errors
     * (nominal false-alarm rate 6e-5; the work distribution of an erasure is skewed, so the normal
     * rate is optimistic) and the FP error inside the 95 % Clopper–Pearson interval.
     */
    static final double AGREE_SE = 4;

    private ClaimsRunner() {
    }

    /** Number of progress steps {@link #run} reports. */
    public static int steps(ClaimsSettings s) {
        return s.approachTaus().size() + s.mcTaus().size() + s.frontierTaus().size() * s.frontierErrors().size() + 3
                + s.storeErrors().size() * (s.holdTimes().size() + 1);
    }

    public static Results run(ClaimsSettings s, int threads, IntConsumer progress) {
        final IntConsumer tick = progress == null ? i -> { } : progress;
        final ExecutorService pool = Futures.daemonPool("claims", Math.max(1, threads));
        try {
            final List<String> faults = new ArrayList<>();
            final List<Rows.Approach> approach = approach(s, pool, tick, threads, faults);
            final Rows.ApproachFit fit = approachFit(approach);
            final List<Rows.Frontier> frontier = frontier(s, pool, tick, faults);
            final Rows.FrontierCheck check = frontierCheck(s, threads, tick, faults);
            final Rows.AmsCheck amsCheck = amsCheck(s, frontier, threads);
            tick.accept(1);
            final List<Rows.Storing> storing = storing(s, pool, tick, faults);
            final List<Rows.Speed> speed = speed(s, frontier);
            final List<Rows.Verdict> verdict = Verdicts.rows(s, fit, frontier, check, amsCheck, storing, speed, faults);
            return new Results(approach, fit, frontier, check, amsCheck, storing, speed, verdict, faults);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The search grid of the optimiser (and of root finding): claims' fokker_planck settings. */
    static FokkerPlanckSettings searchGrid(ClaimsSettings s) {
        return new FokkerPlanckSettings(s.cells(), s.timeSteps(), 2, new double[0]);
    }

    /** One solve at the search grid (inside searches and root finding only; never tabulated). */
    static FokkerPlanckResult search(QuarticDoubleWell w, KeyframeProtocol p, ClaimsSettings s) {
        return FokkerPlanckEngine.solveAt(ErasureProblem.of(w, p), searchGrid(s));
    }

    /**
     * What is tabulated: the solution at the verification grid (twice the search grid in space and time,
     * refined further while outside the numerical tolerance) with its numerical error.
     */
    static FokkerPlanckSolution verified(QuarticDoubleWell w, KeyframeProtocol p, ClaimsSettings s) {
        return ProtocolOptimizer.verify(ErasureProblem.of(w, p), optimizerSettings(s));
    }

    /** The optimiser's grids and budget: search at claims' grid, verify at twice it, refine up to twice more. */
    static ProtocolOptimizer.Settings optimizerSettings(ClaimsSettings s) {
        return new ProtocolOptimizer.Settings(searchGrid(s), searchGrid(s).refined(),
                ProtocolOptimizer.Settings.DEFAULT_REFINEMENTS, s.evaluations(), s.seed());
    }

    /** The rows whose verified values miss the numerical tolerance, named by experiment and duration. */
    public static List<String> outsideTolerance(Results r) {
        final List<String> out = new ArrayList<>();
        for (Rows.Approach a : r.approach()) {
            if (!a.fp().withinTolerance()) {
                out.add("approach tau = " + fmt(a.tau()));
            }
        }
        for (Rows.Frontier f : r.frontier()) {
            if (!f.fp().withinTolerance()) {
                out.add("frontier tau = " + fmt(f.tau()) + " eps <= " + f.targetError());
            }
        }
        if (!r.frontierCheck().fp().withinTolerance()) {
            out.add("frontier Monte Carlo check");
        }
        return out;
    }

    /** A stable, accurate Heun step for the quartic well of barrier E_b: κ·dt ≤ 0.1 with κ = 8 E_b. */
    static double mcDt(double barrier) {
        return Math.min(1e-3, 0.1 / (8 * barrier));
    }

    /** The Monte Carlo confirmation of a problem: Heun at {@link #mcDt}, stability-checked on the step run. */
    static ErasureTally monteCarlo(ErasureProblem p, long trajectories, long seed, int threads) {
        final double barrier = ((QuarticDoubleWell) p.potential()).barrierKT();
        return Erasure.simulate(p, new MonteCarloSettings(Integrator.HEUN, mcDt(barrier), trajectories, seed, null),
                threads, null).tally();
    }

    private static List<Rows.Approach> approach(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                                int threads, List<String> faults) {
        final QuarticDoubleWell w = QuarticDoubleWell.of(s.approachBarrier());
        final List<Future<FokkerPlanckSolution>> fs = new ArrayList<>();
        for (double tau : s.approachTaus()) {
            fs.add(pool.submit(() -> verified(w, KeyframeProtocol.fourStep(tau, s.approachGMin(), s.approachTilt()), s)));
        }
        final List<Rows.Approach> rows = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            final double tau = s.approachTaus().get(i);
            final FokkerPlanckSolution v = get(fs.get(i));
            tick.accept(1);
            addFault(faults, "approach tau=" + tau, ProtocolOptimizer.fault(v.result(), true));
            final Rows.Verified fp = Rows.Verified.of(v);
            Rows.MonteCarloCheck mc = null;
            if (s.mcTaus().contains(tau)) {
                mc = Rows.MonteCarloCheck.of(monteCarlo(ErasureProblem.of(w,
                        KeyframeProtocol.fourStep(tau, s.approachGMin(), s.approachTilt())), s.mcTrajectories(),
                        s.seed() + i, threads), fp);
                tick.accept(1);
            }
            rows.add(new Rows.Approach(tau, fp, mc));
        }
        return rows;
    }

    /** W_inf + B/tau fitted to the durations of at least 10 tau_D (all when fewer than 3 remain). */
    private static Rows.ApproachFit approachFit(List<Rows.Approach> rows) {
        List<Rows.Approach> use = rows.stream().filter(r -> r.tau() >= 10).toList();
        if (use.size() < 3) {
            use = rows;
        }
        final double[] tau = use.stream().mapToDouble(Rows.Approach::tau).toArray();
        final double[] w = use.stream().mapToDouble(r -> r.fp().meanWork()).toArray();
        final Rows.Approach last = rows.get(rows.size() - 1);
        return new Rows.ApproachFit(tau[0], tau.length, InverseTauFit.fit(tau, w, null), last.fp().errorRate(),
                last.fp().landauerBound());
    }

    private static List<Rows.Frontier> frontier(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                                List<String> faults) {
        final List<Future<ProtocolOptimizer.Optimum>> fs = new ArrayList<>();
        final List<double[]> keys = new ArrayList<>();
        for (double tau : s.frontierTaus()) {
            for (double eps : s.frontierErrors()) {
                keys.add(new double[] {tau, eps});
                fs.add(pool.submit(optimise(s, tau, eps, s.barrierRange()[0], s.barrierRange()[1])));
            }
        }
        final List<ProtocolOptimizer.Optimum> found = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            final ProtocolOptimizer.Optimum o = get(fs.get(i));
            tick.accept(1);
            found.add(o);
            addFault(faults, "frontier tau=" + keys.get(i)[0] + " eps<=" + keys.get(i)[1], o.fault());
        }
        // A protocol found for a stricter target also meets every looser one at the same tau: the minimal
        // work at a target is the least over all protocols found at that tau whose error meets it.
        final List<Rows.Frontier> rows = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            ProtocolOptimizer.Optimum best = found.get(i);
            boolean feasible = best.feasible();
            int from = i;
            for (int j = 0; j < found.size(); j++) {
                final ProtocolOptimizer.Optimum o = found.get(j);
                if (keys.get(j)[0] == keys.get(i)[0] && o.result().error() <= keys.get(i)[1]
                        && o.result().meanWork() < best.result().meanWork()) {
                    best = o;
                    feasible = true;
                    from = j;
                }
            }
            rows.add(frontierRow(keys.get(i)[0], keys.get(i)[1], best, feasible, keys.get(from)[1], s));
        }
        return rows;
    }

    static Callable<ProtocolOptimizer.Optimum> optimise(ClaimsSettings s, double tau, double eps, double lo,
                                                         double hi) {
        return () -> ProtocolOptimizer.minimize(FourStepFamily.of(tau, s.maxTilt(), lo, hi), eps,
                TargetWell.RIGHT, optimizerSettings(s));
    }

    private static Rows.Frontier frontierRow(double tau, double eps, ProtocolOptimizer.Optimum o, boolean feasible,
                                             double foundFor, ClaimsSettings s) {
        final KeyframeProtocol p = o.member().protocol();
        final double[] t = p.times();
        return new Rows.Frontier(tau, eps, feasible, Rows.Verified.of(o.verified()),
                ((QuarticDoubleWell) o.member().potential()).barrierKT(), p.values0()[1], p.values1()[2],
                String.format(java.util.Locale.ROOT, "%.3f/%.3f/%.3f/%.3f", t[1], t[2] - t[1], t[3] - t[2], 1 - t[3]),
                String.join("; ", FourStepFamily.of(tau, s.maxTilt(), s.barrierRange()[0], s.barrierRange()[1])
                        .parametersOnBounds(o.unit())), o.evaluations(), o.fault() == null ? "" : o.fault(), foundFor,
                o.member());
    }

    /**
     * A frontier point that sampling can resolve, confirmed by Monte Carlo: the four-step protocol
     * (E_b = 12 kT, g_min = 0) at mc_check_tau whose tilt F_max gives eps = mc_check_error on the
     * Fokker-Planck solution (Brent on log eps), then simulated with 5 x mc_trajectories trajectories.
     */
    private static Rows.FrontierCheck frontierCheck(ClaimsSettings s, int threads, IntConsumer tick,
                                                    List<String> faults) {
        final QuarticDoubleWell w = QuarticDoubleWell.of(12);
        final double tau = s.mcCheckTau();
        final double target = Math.log(s.mcCheckError());
        final double tilt = new BrentSolver(1e-6).solve(100,
                f -> Math.log(search(w, KeyframeProtocol.fourStep(tau, 0, f), s).error()) - target, 0.2, 30);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(tau, 0, tilt);
        final FokkerPlanckSolution v = verified(w, p, s);
        tick.accept(1);
        addFault(faults, "frontier MC check", ProtocolOptimizer.fault(v.result(), true));
        final Rows.Verified fp = Rows.Verified.of(v);
        final ErasureTally t = monteCarlo(ErasureProblem.of(w, p), s.mcTrajectories() * 5, s.seed() + 1000, threads);
        tick.accept(1);
        return new Rows.FrontierCheck(tau, w.barrierKT(), 0, tilt, fp, Rows.MonteCarloCheck.of(t, fp));
    }

    /** The splitting check of the tail (see {@link Rows.AmsCheck}); null when no frontier point qualifies. */
    private static Rows.AmsCheck amsCheck(ClaimsSettings s, List<Rows.Frontier> frontier, int threads) {
        final Rows.Frontier f = frontier.stream().filter(r -> r.feasible() && r.targetError() <= 1e-15)
                .min(java.util.Comparator.comparingDouble(Rows.Frontier::tau)
                        .thenComparingDouble(r -> r.fp().errorRate())).orElse(null);
        if (f == null) {
            return null;
        }
        final double dt = mcDt(f.barrier());
        final AmsResult ams = Erasure.rareEvent(ErasureProblem.of(f.member().potential(), f.member().protocol()),
                new MonteCarloSettings(Integrator.HEUN, dt, 1, s.seed(), null), new AmsSettings(s.amsReplicas(), 0.05,
                        s.amsRepetitions(), s.seed(), Score.committor(), AmsSettings.DEFAULT_MAX_ITERATIONS), threads);
        return Rows.AmsCheck.of(f, ams, dt);
    }

    private static List<Rows.Storing> storing(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                              List<String> faults) {
        final double longest = s.holdTimes().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        final List<double[]> needed = new ArrayList<>();         // {hold, eps, barrier}
        final List<Future<ProtocolOptimizer.Optimum>> erasures = new ArrayList<>();
        for (double eps : s.storeErrors()) {
            for (double hold : s.holdTimes()) {
                final double eb = Retention.barrierNeeded(QuarticDoubleWell::of, 1, 0, hold, eps,
                        HoppingSpectrum.DEFAULT_CELLS);
                tick.accept(1);
                needed.add(new double[] {hold, eps, eb});
                if (hold == longest) {
                    erasures.add(pool.submit(optimise(s, s.storeEraseTau(), eps, eb, eb)));
                }
            }
        }
        final List<Rows.Storing> rows = new ArrayList<>();
        int k = 0;
        for (double[] n : needed) {
            Rows.Erasing erase = null;
            if (n[0] == longest) {
                final ProtocolOptimizer.Optimum o = get(erasures.get(k++));
                tick.accept(1);
                addFault(faults, "storing eps=" + n[1], o.fault());
                erase = new Rows.Erasing(s.storeEraseTau(), Rows.Verified.of(o.verified()), o.feasible());
            }
            rows.add(new Rows.Storing(n[0], n[1], n[2], erase));
        }
        return rows;
    }

    private static List<Rows.Speed> speed(ClaimsSettings s, List<Rows.Frontier> frontier) {
        final List<Rows.Speed> rows = new ArrayList<>();
        for (double eps : s.frontierErrors()) {
            final List<Rows.Frontier> pts = frontier.stream().filter(r -> r.targetError() == eps && r.feasible())
                    .toList();
            final Map<Double, Double> excess = new LinkedHashMap<>();
            pts.forEach(p -> excess.put(p.tau(), p.fp().excessOverLandauer()));
            final InverseTauFit fit = pts.size() >= 3 ? InverseTauFit.fit(pts.stream().mapToDouble(Rows.Frontier::tau)
                    .toArray(), pts.stream().mapToDouble(p -> p.fp().meanWork()).toArray(), null) : null;
            rows.add(new Rows.Speed(eps, excess, fit));
        }
        return rows;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void addFault(List<String> faults, String where, String fault) {
        if (fault != null) {
            synchronized (faults) {
                faults.add(where + ": " + fault);
            }
        }
    }

    private static <T> T get(Future<T> f) {
        return Futures.get(f);
    }
}
