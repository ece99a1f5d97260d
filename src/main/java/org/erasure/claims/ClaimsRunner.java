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
import org.erasure.config.ClaimsSettings;
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
import org.erasure.optimize.FixedBarrierFamily;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.physics.ErasureBounds;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsTimeStep;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.InverseTauFit;
import org.erasure.util.Futures;

/**
 * The canonical experiments of SPEC 5, computed into typed rows ({@link Rows}). Deterministic:
 * optimisations run in parallel but are seeded and collected in order. Each takes the pool as its helpers too, so that
 * a thread with nothing of its own to do solves CMA-ES candidates, BOBYQA's first points or a solve's runs for a
 * running one (on a wide machine, the crossover optimisations and the chains of verifications run when most of the
 * pool is idle); who solves what never changes a number.
 */
public final class ClaimsRunner {

    /** Every result of the report, typed; each table as the report lays it out by {@code ...Table()}. */
    public record Results(List<Rows.Approach> approach, Rows.ApproachFit approachFit, List<Rows.Frontier> frontier,
                          Rows.FrontierCheck frontierCheck, Rows.AmsCheck amsCheck, List<Rows.Storing> storing,
                          List<Rows.Speed> speed, List<Rows.Crossover> crossover, List<Rows.ClassPoint> classes,
                          List<Rows.Controller> controller, List<Rows.Verdict> verdict, List<String> faults) {

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

        public Table crossoverTable() {
            return Rows.table(crossover, Rows.Crossover::row);
        }

        public Table classesTable() {
            return Rows.table(classes, Rows.ClassPoint::row);
        }

        public Table controllerTable() {
            return Rows.table(controller, Rows.Controller::row);
        }

        public Table verdictTable() {
            return Rows.table(verdict, Rows.Verdict::row);
        }
    }

    /**
     * Monte Carlo agrees with Fokker–Planck when the mean work lies within this many standard errors
     * (nominal false-alarm rate 6e-5; the work distribution of an erasure is skewed, so the normal
     * rate is optimistic) and the FP error inside the Clopper–Pearson interval at {@link #AGREE_CONFIDENCE}.
     */
    static final double AGREE_SE = 4;

    /**
     * The confidence of the Clopper–Pearson interval that judges the error probability: that of ±{@link #AGREE_SE}
     * normal standard errors, 1 − 2Φ(−4), so that both halves of a check raise a false alarm about equally rarely.
     * (A 95 % interval called one seed in twenty inconsistent: seed 2 of the default claims drew 79 errors in 1e5
     * trajectories where Fokker–Planck gives ε = 1.000e-3.)
     */
    static final double AGREE_CONFIDENCE = 1 - 6.334e-5;

    private ClaimsRunner() {
    }

    /** Number of progress steps {@link #run} reports. */
    public static int steps(ClaimsSettings s) {
        return s.approachTaus().size() + s.mcTaus().size() + s.frontierTaus().size() * s.frontierErrors().size() + 3
                + s.storeErrors().size() * (s.holdTimes().size() + 1) + s.frontierErrors().size()
                + 2 * s.classErrors().size() * s.classTaus().size();
    }

    public static Results run(ClaimsSettings s, int threads, IntConsumer progress) {
        final IntConsumer tick = progress == null ? i -> { } : progress;
        final ExecutorService pool = Futures.daemonPool("claims", Math.max(1, threads));
        try {
            final List<String> faults = new ArrayList<>();
            // the protocol classes' optimisations queue first: they need nothing else
            final List<Future<Rows.ClassPoint>> classFutures = classes(s, pool);
            final List<Rows.Approach> approach = approach(s, pool, tick, threads, faults);
            final Rows.ApproachFit fit = approachFit(approach);
            final List<Rows.Frontier> frontier = frontier(s, pool, tick, faults);
            final List<Future<Rows.Crossover>> crossFutures = new ArrayList<>();
            for (double eps : s.frontierErrors()) {
                crossFutures.add(pool.submit(() -> crossover(s, eps, frontier, pool)));
            }
            final Rows.FrontierCheck check = frontierCheck(s, threads, tick, faults);
            final Rows.AmsCheck amsCheck = amsCheck(s, frontier, threads);
            tick.accept(1);
            final List<Rows.Storing> storing = storing(s, pool, tick, faults);
            final List<Rows.Speed> speed = speed(s, frontier);
            final List<Rows.Crossover> crossover = new ArrayList<>();
            for (Future<Rows.Crossover> f : crossFutures) {
                crossover.add(get(f));
                tick.accept(1);
            }
            final List<Rows.ClassPoint> classes = new ArrayList<>();
            for (Future<Rows.ClassPoint> f : classFutures) {
                final Rows.ClassPoint c = get(f);
                tick.accept(1);
                addFault(faults, c.protocolClass() + " tau=" + c.tau() + " eps<=" + c.targetError(),
                        c.fault().isEmpty() ? null : c.fault());
                classes.add(c);
            }
            final List<Rows.Controller> controller = classes.stream()
                    .map(c -> new Rows.Controller(c, s.efficiencies())).toList();
            final List<Rows.Verdict> verdict = Verdicts.rows(s, fit, frontier, check, amsCheck, storing, speed,
                    crossover, classes, controller, faults);
            return new Results(approach, fit, frontier, check, amsCheck, storing, speed, crossover, classes, controller,
                    verdict, faults);
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
        return FokkerPlanckEngine.searchAt(ErasureProblem.of(w, p), searchGrid(s), null);
    }

    /**
     * What is tabulated: the solution at the verification grid ({@link #verifyGrid}, finer than the search grid,
     * refined further while outside the numerical tolerance) with its numerical error.
     */
    static FokkerPlanckSolution verified(QuarticDoubleWell w, KeyframeProtocol p, ClaimsSettings s,
                                         java.util.concurrent.Executor helpers) {
        return ProtocolOptimizer.verify(ErasureProblem.of(w, p), optimizerSettings(s), helpers);
    }

    /**
     * The grid every tabulated value is solved on (claims' fokker_planck.verify_cells and verify_time_steps), before
     * any refinement.
     */
    static FokkerPlanckSettings verifyGrid(ClaimsSettings s) {
        return new FokkerPlanckSettings(s.verifyCells(), s.verifyTimeSteps(), 2, new double[0]);
    }

    /** The optimiser's grids and budget: search at claims' search grid, verify at its verification grid, refined. */
    static ProtocolOptimizer.Settings optimizerSettings(ClaimsSettings s) {
        return new ProtocolOptimizer.Settings(searchGrid(s), verifyGrid(s),
                s.refinements(), s.evaluations(), s.seed());
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
                out.add("frontier tau = " + fmt(f.tau()) + " eps <= " + ClaimsReport.fmt(f.targetError()));
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
            fs.add(pool.submit(() -> verified(w, KeyframeProtocol.fourStep(tau, s.approachGMin(), s.approachTilt()), s,
                    pool)));
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

    /** W_inf + B/tau fitted to the durations of at least FIT_TAU_MIN (all when fewer than 3 remain). */
    private static Rows.ApproachFit approachFit(List<Rows.Approach> rows) {
        List<Rows.Approach> use = rows.stream().filter(r -> r.tau() >= FIT_TAU_MIN).toList();
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
            // the targets at one duration search one family: a member solved for one is not solved again for another
            final FourStepFamily family = FourStepFamily.of(tau, s.maxTilt(), s.barrierRange()[0], s.barrierRange()[1]);
            final ProtocolOptimizer.Solves solves = new ProtocolOptimizer.Solves(family, TargetWell.RIGHT, 0,
                    optimizerSettings(s));
            for (double eps : s.frontierErrors()) {
                keys.add(new double[] {tau, eps});
                fs.add(pool.submit(() -> ProtocolOptimizer.minimize(family, eps, TargetWell.RIGHT, 0,
                        optimizerSettings(s), null, pool, solves)));
            }
        }
        final List<ProtocolOptimizer.Optimum> found = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            final ProtocolOptimizer.Optimum o = get(fs.get(i));
            tick.accept(1);
            found.add(o);
            addFault(faults, "frontier tau=" + keys.get(i)[0] + " eps<=" + keys.get(i)[1], o.fault());
        }
        stretch(s, pool, keys, found);
        // A protocol found for a stricter target also meets every looser one at the same tau: the minimal
        // work at a target is the least over all protocols found at that tau whose error meets it.
        final List<Rows.Frontier> rows = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            final int from = cheapestMeeting(keys, found, i);
            rows.add(frontierRow(keys.get(i)[0], keys.get(i)[1], found.get(from), found.get(from).feasible()
                    || from != i, keys.get(from)[1], s));
        }
        return rows;
    }

    /**
     * The optimum tabulated for point i of the frontier ({τ, ε_target} in {@code keys}): the least ⟨W⟩ among the
     * optima found at the same τ whose verified ε meets point i's target, point i's own when none does. An
     * optimum that misses its target is never the bar the others must beat: its ⟨W⟩ may be near zero because it
     * did not erase at all.
     */
    static int cheapestMeeting(List<double[]> keys, List<ProtocolOptimizer.Optimum> found, int i) {
        int best = i;
        boolean meets = found.get(i).feasible();
        for (int j = 0; j < found.size(); j++) {
            final ProtocolOptimizer.Optimum o = found.get(j);
            if (keys.get(j)[0] == keys.get(i)[0] && o.result().error() <= keys.get(i)[1]
                    && (!meets || o.result().meanWork() < found.get(best).result().meanWork())) {
                best = j;
                meets = true;
            }
        }
        return best;
    }

    /**
     * A protocol found at a shorter duration, run slower (the same point of the family at the longer τ), is a
     * candidate at the longer one too: in a wide search box the optimiser's local search can miss it (at τ = 1000,
     * ε ≤ 2e-22 it settled on 1.04 kT while the τ = 100 protocol stretched costs less). Per target, in order of
     * increasing τ, the previous duration's protocol is verified at the next and replaces the optimum when it meets
     * the target for less work. One verification per frontier point; the chains run in parallel.
     */
    private static void stretch(ClaimsSettings s, ExecutorService pool, List<double[]> keys,
                                List<ProtocolOptimizer.Optimum> found) {
        final List<Future<?>> chains = new ArrayList<>();
        for (double eps : s.frontierErrors()) {
            chains.add(pool.submit(() -> {
                int prev = -1;
                for (double tau : s.frontierTaus().stream().sorted().toList()) {
                    int at = -1;
                    for (int i = 0; i < keys.size(); i++) {
                        if (keys.get(i)[0] == tau && keys.get(i)[1] == eps) {
                            at = i;
                        }
                    }
                    if (prev >= 0 && found.get(prev).feasible()) {
                        final ProtocolOptimizer.Optimum shorter = found.get(prev);
                        final FourStepFamily family = FourStepFamily.of(tau, s.maxTilt(), s.barrierRange()[0],
                                s.barrierRange()[1]);
                        final ProtocolFamily.Member m = family.member(shorter.unit());
                        final FokkerPlanckSolution v = verified((QuarticDoubleWell) m.potential(), m.protocol(), s,
                                pool);
                        final ProtocolOptimizer.Optimum here = found.get(at);
                        if (v.result().error() <= eps && v.result().meanWork() < here.result().meanWork()) {
                            synchronized (found) {
                                found.set(at, new ProtocolOptimizer.Optimum(shorter.unit(), m, v, v.coarse(), true,
                                        here.evaluations(), ProtocolOptimizer.fault(v.result(),
                                        ProtocolOptimizer.isSymmetricErasure(m))));
                            }
                        }
                    }
                    prev = at;
                }
            }));
        }
        chains.forEach(ClaimsRunner::get);
    }

    static Callable<ProtocolOptimizer.Optimum> optimise(ClaimsSettings s, double tau, double eps, double lo,
                                                         double hi, java.util.concurrent.Executor helpers) {
        return () -> ProtocolOptimizer.minimize(FourStepFamily.of(tau, s.maxTilt(), lo, hi), eps,
                TargetWell.RIGHT, 0, optimizerSettings(s), null, helpers);
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
        final FokkerPlanckSolution v = verified(w, p, s, null);
        tick.accept(1);
        addFault(faults, "frontier MC check", ProtocolOptimizer.fault(v.result(), true));
        final Rows.Verified fp = Rows.Verified.of(v);
        final ErasureTally t = monteCarlo(ErasureProblem.of(w, p), s.mcTrajectories() * 5, s.seed() + 1000, threads);
        tick.accept(1);
        return new Rows.FrontierCheck(tau, w.barrierKT(), 0, tilt, fp, Rows.MonteCarloCheck.of(t, fp));
    }

    /** Monte Carlo steps over the protocol below which a frontier point is not used for the splitting check. */
    static final double AMS_MIN_STEPS = 2000;

    /** The splitting check of the tail (see {@link Rows.AmsCheck}); null when no frontier point qualifies. */
    private static Rows.AmsCheck amsCheck(ClaimsSettings s, List<Rows.Frontier> frontier, int threads) {
        // a point both engines resolve: within the FP tolerance, and at least AMS_MIN_STEPS Monte Carlo steps over
        // the protocol (at tau = 0.01 the Monte Carlo step would cut a 300 kT tilt into a few dozen jumps)
        final Rows.Frontier f = frontier.stream().filter(r -> r.feasible() && r.targetError() <= 1e-15
                        && r.fp().withinTolerance() && r.tau() / mcDt(r.barrier()) >= AMS_MIN_STEPS)
                .min(java.util.Comparator.comparingDouble(Rows.Frontier::tau)
                        .thenComparingDouble(r -> r.fp().errorRate())).orElse(null);
        if (f == null) {
            return null;
        }
        final double dt = mcDt(f.barrier());
        final AmsTimeStep.Outcome ams = Erasure.rareEventJudged(ErasureProblem.of(f.member().potential(),
                f.member().protocol()), new MonteCarloSettings(Integrator.HEUN, dt, 1, s.seed(), null),
                new AmsSettings(s.amsReplicas(), 0.05, s.amsRepetitions(), s.seed(), Score.committor(),
                        AmsSettings.DEFAULT_MAX_ITERATIONS), threads);
        return Rows.AmsCheck.of(f, ams, dt);
    }

    private static List<Rows.Storing> storing(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                              List<String> faults) {
        final double longest = s.holdTimes().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        record Needed(double hold, double eps, Retention.Barrier barrier) {
        }
        final List<Needed> needed = new ArrayList<>();
        final List<Future<ProtocolOptimizer.Optimum>> erasures = new ArrayList<>();
        for (double eps : s.storeErrors()) {
            for (double hold : s.holdTimes()) {
                final Retention.Barrier b = Retention.barrierNeededWithError(QuarticDoubleWell::of, 1, 0, hold, eps,
                        HoppingSpectrum.DEFAULT_CELLS);
                final double eb = b.kT();
                tick.accept(1);
                needed.add(new Needed(hold, eps, b));
                if (hold == longest) {
                    erasures.add(pool.submit(optimise(s, s.storeEraseTau(), eps, eb, eb, pool)));
                }
            }
        }
        final List<Rows.Storing> rows = new ArrayList<>();
        int k = 0;
        for (Needed n : needed) {
            Rows.Erasing erase = null;
            if (n.hold() == longest) {
                final ProtocolOptimizer.Optimum o = get(erasures.get(k++));
                tick.accept(1);
                addFault(faults, "storing eps=" + n.eps(), o.fault());
                erase = new Rows.Erasing(s.storeEraseTau(), Rows.Verified.of(o.verified()), o.feasible());
            }
            rows.add(new Rows.Storing(n.hold(), n.eps(), n.barrier().kT(), n.barrier().numericalErrorKT(), erase));
        }
        return rows;
    }

    /** The shortest duration of the W∞ + B/τ fits (experiments 1 and 4): the slow regime the form describes. */
    static final double FIT_TAU_MIN = 10;

    private static List<Rows.Speed> speed(ClaimsSettings s, List<Rows.Frontier> frontier) {
        final List<Rows.Speed> rows = new ArrayList<>();
        for (double eps : s.frontierErrors()) {
            final List<Rows.Frontier> pts = frontier.stream().filter(r -> r.targetError() == eps && r.feasible())
                    .toList();
            final Map<Double, Rows.Verified> excess = new LinkedHashMap<>();
            pts.forEach(p -> excess.put(p.tau(), p.fp()));
            final List<Rows.Frontier> slow = pts.stream().filter(p -> p.tau() >= FIT_TAU_MIN).toList();
            final InverseTauFit fit = slow.size() >= 3 ? InverseTauFit.fit(slow.stream()
                    .mapToDouble(Rows.Frontier::tau).toArray(), slow.stream().mapToDouble(p -> p.fp().meanWork())
                    .toArray(), null) : null;
            rows.add(new Rows.Speed(eps, excess, fit, fit == null ? Double.NaN : slow.get(0).tau(),
                    fit == null ? Double.NaN : slow.get(slow.size() - 1).tau()));
        }
        return rows;
    }

    /**
     * The duration τ* at which the minimal ⟨W⟩ at ε ≤ eps equals kT ln(1/ε) (see {@link Rows.Crossover}): the
     * first pair of adjacent frontier durations whose minimal work brackets kT ln(1/ε), narrowed by
     * {@code crossoverSteps} optimisations at the regula-falsi point of (ln τ, ln ⟨W⟩) (from the second on, 5 %
     * beyond it, away from the end that moved last).
     */
    static Rows.Crossover crossover(ClaimsSettings s, double eps, List<Rows.Frontier> frontier,
                                    java.util.concurrent.Executor helpers) throws Exception {
        final double level = ErasureBounds.logInverseError(eps);
        final List<Rows.Frontier> pts = frontier.stream().filter(r -> r.targetError() == eps && r.feasible())
                .sorted(java.util.Comparator.comparingDouble(Rows.Frontier::tau)).toList();
        if (pts.isEmpty()) {
            return new Rows.Crossover(eps, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0,
                    "no feasible frontier point at this target");
        }
        int at = -1;
        for (int i = 0; i + 1 < pts.size() && at < 0; i++) {
            if (pts.get(i).fp().meanWork() >= level && pts.get(i + 1).fp().meanWork() < level) {
                at = i;
            }
        }
        if (at < 0) {
            final Rows.Frontier first = pts.get(0);
            final Rows.Frontier last = pts.get(pts.size() - 1);
            final boolean allBelow = first.fp().meanWork() < level;
            return new Rows.Crossover(eps, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0,
                    allBelow ? String.format(java.util.Locale.ROOT, "not bracketed: <W>_min below kT ln(1/eps) "
                            + "down to tau = %s (%.4g kT)", fmt(first.tau()), first.fp().meanWork())
                            : String.format(java.util.Locale.ROOT, "not bracketed: <W>_min above kT ln(1/eps) up "
                            + "to tau = %s (%.4g kT)", fmt(last.tau()), last.fp().meanWork()));
        }
        double tLo = pts.get(at).tau();
        double wLo = pts.get(at).fp().meanWork();
        double eLo = pts.get(at).fp().meanWorkError();
        double tHi = pts.get(at + 1).tau();
        double wHi = pts.get(at + 1).fp().meanWork();
        double eHi = pts.get(at + 1).fp().meanWorkError();
        int runs = 0;
        String stop = "";
        int lastMoved = 0;                         // +1: the low end moved last, -1: the high end
        for (int k = 0; k < s.crossoverSteps(); k++) {
            // after the first step, aim 5 % beyond the predicted root, away from the end that moved last, so the
            // other end moves too and the bracket closes from both sides (plain regula falsi keeps one end fixed)
            final double t = Math.min(tHi, Math.max(tLo, falsePosition(tLo, wLo, tHi, wHi, level)
                    * (lastMoved > 0 ? 1.05 : lastMoved < 0 ? 1 / 1.05 : 1)));
            final ProtocolOptimizer.Optimum o = optimise(s, t, eps, s.barrierRange()[0], s.barrierRange()[1], helpers)
                    .call();
            runs++;
            if (!o.feasible()) {
                stop = String.format(java.util.Locale.ROOT, "; the one at tau = %.4g missed the target", t);
                break;
            }
            final double w = o.verified().result().meanWork();
            if (w >= level) {
                tLo = t;
                wLo = w;
                eLo = o.verified().workError();
                lastMoved = 1;
            } else {
                tHi = t;
                wHi = w;
                eHi = o.verified().workError();
                lastMoved = -1;
            }
        }
        return new Rows.Crossover(eps, tLo, wLo, eLo, tHi, wHi, eHi, falsePosition(tLo, wLo, tHi, wHi, level), runs,
                runs + " optimisation(s) inside the bracket" + stop);
    }

    /** The τ where the line through (ln τ_lo, ln W_lo) and (ln τ_hi, ln W_hi) reaches ln(level). */
    static double falsePosition(double tLo, double wLo, double tHi, double wHi, double level) {
        final double f = (Math.log(level) - Math.log(wLo)) / (Math.log(wHi) - Math.log(wLo));
        return Math.exp(Math.log(tLo) + f * (Math.log(tHi) - Math.log(tLo)));
    }

    /**
     * Experiment 5's optimisations: for each target, the barrier that keeps a bit {@code classHoldTime} at ε/2
     * (so the erasure has the other half of the budget), then at each duration the cheapest barrier-lowering
     * (four-step, E_b fixed at that barrier) and fixed-barrier (g ≡ 1) protocols whose ε after the hold meets the
     * target.
     */
    private static List<Future<Rows.ClassPoint>> classes(ClaimsSettings s, ExecutorService pool) {
        final List<Future<Rows.ClassPoint>> out = new ArrayList<>();
        final double hold = s.classHoldTime();
        for (double eps : s.classErrors()) {
            final double eb = Retention.barrierNeeded(QuarticDoubleWell::of, 1, 0, hold, eps / 2,
                    HoppingSpectrum.DEFAULT_CELLS);
            for (double tau : s.classTaus()) {
                for (String cls : List.of(BARRIER_LOWERING, FIXED_BARRIER)) {
                    out.add(pool.submit(() -> {
                        final ProtocolFamily family = cls.equals(FIXED_BARRIER)
                                ? new FixedBarrierFamily(tau, s.maxTilt(), eb) : FourStepFamily.of(tau, s.maxTilt(), eb, eb);
                        final ProtocolOptimizer.Optimum o = ProtocolOptimizer.minimize(family, eps, TargetWell.RIGHT, hold,
                                optimizerSettings(s), null, pool);
                        final KeyframeProtocol p = o.member().protocol();
                        final double[] t = p.times();
                        return new Rows.ClassPoint(cls, tau, eps, eb, hold, o.feasible(), Rows.Verified.of(o.verified()),
                                p.values0()[1], p.values1()[2], String.format(java.util.Locale.ROOT,
                                "%.3f/%.3f/%.3f/%.3f", t[1], t[2] - t[1], t[3] - t[2], 1 - t[3]),
                                String.join("; ", family.parametersOnBounds(o.unit())), o.fault() == null ? "" : o.fault());
                    }));
                }
            }
        }
        return out;
    }

    /** The protocol classes of SPEC 2.3. */
    static final String BARRIER_LOWERING = "barrier-lowering";
    static final String FIXED_BARRIER = "fixed-barrier";

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
