package org.erasure.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.Erasure;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.model.ErasureProblem;
import org.erasure.fokkerplanck.HoppingSpectrum;
import org.erasure.fokkerplanck.Retention;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.TargetWell;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.BinomialInterval;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.InverseTauFit;
import org.erasure.util.Futures;

/**
 * The canonical experiments of SPEC 5, computed into tables (one row a map of column → value, units
 * in the column names). Deterministic: optimisations run in parallel but are seeded and collected
 * in order.
 */
public final class ClaimsRunner {

    /** Every table of the report. */
    public record Results(List<Map<String, Object>> approach, Map<String, Object> approachFit,
                          List<Map<String, Object>> frontier, Map<String, Object> frontierCheck,
                          List<Map<String, Object>> storing, List<Map<String, Object>> speed,
                          List<Map<String, Object>> verdict, List<String> faults) {
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
        return s.approachTaus().size() + s.mcTaus().size() + s.frontierTaus().size() * s.frontierErrors().size() + 2
                + s.storeErrors().size() * (s.holdTimes().size() + 1);
    }

    public static Results run(ClaimsSettings s, int threads, IntConsumer progress) {
        final IntConsumer tick = progress == null ? i -> { } : progress;
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            final Thread t = new Thread(r, "claims");
            t.setDaemon(true);
            return t;
        });
        try {
            final List<String> faults = new ArrayList<>();
            final List<Map<String, Object>> approach = approach(s, pool, tick, threads, faults);
            final Map<String, Object> fit = approachFit(approach);
            final List<Map<String, Object>> frontier = frontier(s, pool, tick, faults);
            final Map<String, Object> check = frontierCheck(s, threads, tick, faults);
            final List<Map<String, Object>> storing = storing(s, pool, tick, faults);
            final List<Map<String, Object>> speed = speed(s, frontier);
            final List<Map<String, Object>> verdict = Verdict.rows(s, approach, fit, frontier, check, storing, speed,
                    faults);
            return new Results(approach, fit, frontier, check, storing, speed, verdict, faults);
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
     * What is tabulated: the solution at the verification grid (twice the search grid in space and time)
     * with its numerical error (the difference to the search grid).
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
        for (Map<String, Object> row : r.approach()) {
            if (Boolean.FALSE.equals(row.get("within_numerical_tolerance"))) {
                out.add("approach tau = " + fmt((Double) row.get("protocol.tau")));
            }
        }
        for (Map<String, Object> row : r.frontier()) {
            if (Boolean.FALSE.equals(row.get("within_numerical_tolerance"))) {
                out.add("frontier tau = " + fmt((Double) row.get("protocol.tau")) + " eps <= " + row.get("target_error"));
            }
        }
        if (Boolean.FALSE.equals(r.frontierCheck().get("within_numerical_tolerance"))) {
            out.add("frontier Monte Carlo check");
        }
        return out;
    }

    /** Puts a verified solution's ⟨W⟩, ε and their numerical errors into a row. */
    static void putVerified(Map<String, Object> row, FokkerPlanckSolution v) {
        row.put("mean_work_kT", v.result().meanWork());
        row.put("mean_work_numerical_error_kT", v.workError());
        row.put("error_rate", ErasureBounds.requireProbability("error_rate", v.result().error()));
        row.put("error_rate_numerical_error", v.errorRateError());
        row.put("within_numerical_tolerance", v.withinTolerance());
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

    private static List<Map<String, Object>> approach(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                                      int threads, List<String> faults) {
        final QuarticDoubleWell w = QuarticDoubleWell.of(s.approachBarrier());
        final List<Map<String, Object>> rows = new ArrayList<>();
        final List<Future<FokkerPlanckSolution>> fs = new ArrayList<>();
        for (double tau : s.approachTaus()) {
            fs.add(pool.submit(() -> verified(w, KeyframeProtocol.fourStep(tau, s.approachGMin(), s.approachTilt()), s)));
        }
        for (int i = 0; i < fs.size(); i++) {
            final double tau = s.approachTaus().get(i);
            final FokkerPlanckSolution v = get(fs.get(i));
            final FokkerPlanckResult r = v.result();
            tick.accept(1);
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("protocol.tau", tau);
            putVerified(row, v);
            final double bound = ErasureBounds.generalizedLandauer(r.error());
            row.put("landauer_bound_kT", bound);
            row.put("excess_over_landauer_kT", r.meanWork() - bound);
            row.put("finite_time_bound_kT", r.finiteTimeBound());
            row.put("entropy_production_kT", r.entropyProduction());
            row.put("log_inverse_error_kT", ErasureBounds.logInverseError(r.error()));
            addFault(faults, "approach tau=" + tau, ProtocolOptimizer.fault(r, true));
            if (s.mcTaus().contains(tau)) {
                final ErasureTally t = monteCarlo(ErasureProblem.of(w,
                        KeyframeProtocol.fourStep(tau, s.approachGMin(), s.approachTilt())), s.mcTrajectories(),
                        s.seed() + i, threads);
                tick.accept(1);
                final BinomialInterval ci = t.errorInterval();
                row.put("mc_mean_work_kT", t.work().mean());
                row.put("mc_stderr_work_kT", t.work().standardError());
                row.put("mc_error_rate", ci.rate());
                row.put("mc_error_ci_high", ci.high());
                row.put("mc_trajectories", t.trajectories());
                row.put("mc_agrees", Math.abs(t.work().mean() - r.meanWork()) <= AGREE_SE * t.work().standardError()
                        && r.error() <= ci.high() && r.error() >= ci.low());
            }
            rows.add(row);
        }
        return rows;
    }

    /** W_inf + B/tau fitted to the durations of at least 10 tau_D (all when fewer than 3 remain). */
    private static Map<String, Object> approachFit(List<Map<String, Object>> rows) {
        List<Map<String, Object>> use = rows.stream().filter(r -> (Double) r.get("protocol.tau") >= 10).toList();
        if (use.size() < 3) {
            use = rows;
        }
        final double[] tau = use.stream().mapToDouble(r -> (Double) r.get("protocol.tau")).toArray();
        final double[] w = use.stream().mapToDouble(r -> (Double) r.get("mean_work_kT")).toArray();
        final InverseTauFit f = InverseTauFit.fit(tau, w, null);
        final Map<String, Object> last = rows.get(rows.size() - 1);
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("fit_tau_min", tau[0]);
        out.put("fit_points", tau.length);
        out.put("w_inf_kT", f.wInf());
        out.put("w_inf_stderr_kT", f.wInfError());
        out.put("b_kT_tauD", f.b());
        out.put("b_stderr_kT_tauD", f.bError());
        out.put("error_rate_at_longest_tau", last.get("error_rate"));
        out.put("landauer_bound_at_longest_tau_kT", last.get("landauer_bound_kT"));
        return out;
    }

    private static List<Map<String, Object>> frontier(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
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
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            ProtocolOptimizer.Optimum best = found.get(i);
            int from = i;
            for (int j = 0; j < found.size(); j++) {
                final ProtocolOptimizer.Optimum o = found.get(j);
                if (keys.get(j)[0] == keys.get(i)[0] && o.result().error() <= keys.get(i)[1]
                        && o.result().meanWork() < best.result().meanWork()) {
                    best = new ProtocolOptimizer.Optimum(o.unit(), o.member(), o.verified(), o.searched(), true,
                            o.evaluations(), o.fault());
                    from = j;
                }
            }
            final Map<String, Object> row = optimumRow(keys.get(i)[0], keys.get(i)[1], best, s);
            row.put("found_for_target", keys.get(from)[1]);
            rows.add(row);
        }
        return rows;
    }

    static Callable<ProtocolOptimizer.Optimum> optimise(ClaimsSettings s, double tau, double eps, double lo,
                                                         double hi) {
        return () -> ProtocolOptimizer.minimize(FourStepFamily.of(tau, s.maxTilt(), lo, hi), eps,
                TargetWell.RIGHT, optimizerSettings(s));
    }

    static Map<String, Object> optimumRow(double tau, double eps, ProtocolOptimizer.Optimum o, ClaimsSettings s) {
        final FokkerPlanckResult r = o.result();
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("protocol.tau", tau);
        row.put("target_error", eps);
        row.put("feasible", o.feasible());
        putVerified(row, o.verified());
        final double bound = ErasureBounds.generalizedLandauer(r.error());
        row.put("landauer_bound_kT", bound);
        row.put("excess_over_landauer_kT", r.meanWork() - bound);
        row.put("log_inverse_error_kT", ErasureBounds.logInverseError(r.error()));
        row.put("finite_time_bound_kT", r.finiteTimeBound());
        final KeyframeProtocol p = o.member().protocol();
        row.put("barrier_kT", ((QuarticDoubleWell) o.member().potential()).barrierKT());
        row.put("g_min", p.values0()[1]);
        row.put("F_max_kT", p.values1()[2]);
        final double[] t = p.times();
        row.put("phases", String.format(java.util.Locale.ROOT, "%.3f/%.3f/%.3f/%.3f", t[1], t[2] - t[1], t[3] - t[2],
                1 - t[3]));
        row.put("on_search_bounds", String.join("; ", FourStepFamily.of(tau, s.maxTilt(), s.barrierRange()[0],
                s.barrierRange()[1]).parametersOnBounds(o.unit())));
        row.put("evaluations", o.evaluations());
        row.put("fault", o.fault() == null ? "" : o.fault());
        return row;
    }

    /**
     * A frontier point that sampling can resolve, confirmed by Monte Carlo: the four-step protocol
     * (E_b = 12 kT, g_min = 0) at mc_check_tau whose tilt F_max gives eps = mc_check_error on the
     * Fokker-Planck solution (Brent on log eps), then simulated with 5 x mc_trajectories trajectories.
     */
    private static Map<String, Object> frontierCheck(ClaimsSettings s, int threads, IntConsumer tick,
                                                     List<String> faults) {
        final QuarticDoubleWell w = QuarticDoubleWell.of(12);
        final double tau = s.mcCheckTau();
        final double target = Math.log(s.mcCheckError());
        final double tilt = new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-6).solve(100,
                f -> Math.log(search(w, KeyframeProtocol.fourStep(tau, 0, f), s).error()) - target, 0.2, 30);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(tau, 0, tilt);
        final FokkerPlanckSolution v = verified(w, p, s);
        final FokkerPlanckResult r = v.result();
        tick.accept(1);
        addFault(faults, "frontier MC check", ProtocolOptimizer.fault(r, true));
        final long n = s.mcTrajectories() * 5;
        final ErasureTally t = monteCarlo(ErasureProblem.of(w, p), n, s.seed() + 1000, threads);
        tick.accept(1);
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("protocol.tau", tau);
        row.put("barrier_kT", w.barrierKT());
        row.put("g_min", 0.0);
        row.put("F_max_kT", tilt);
        putVerified(row, v);
        row.put("landauer_bound_kT", ErasureBounds.generalizedLandauer(r.error()));
        final BinomialInterval ci = t.errorInterval();
        row.put("mc_trajectories", t.trajectories());
        row.put("mc_mean_work_kT", t.work().mean());
        row.put("mc_stderr_work_kT", t.work().standardError());
        row.put("mc_error_rate", ci.rate());
        row.put("mc_error_ci_low", ci.low());
        row.put("mc_error_ci_high", ci.high());
        row.put("mc_agrees", Math.abs(t.work().mean() - r.meanWork()) <= AGREE_SE * t.work().standardError()
                && r.error() >= ci.low() && r.error() <= ci.high());
        return row;
    }

    private static List<Map<String, Object>> storing(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                                     List<String> faults) {
        final List<Map<String, Object>> rows = new ArrayList<>();
        final double longest = s.holdTimes().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        final List<Future<ProtocolOptimizer.Optimum>> erasures = new ArrayList<>();
        final List<Double> barriersAtLongest = new ArrayList<>();
        for (double eps : s.storeErrors()) {
            for (double hold : s.holdTimes()) {
                final double eb = Retention.barrierNeeded(QuarticDoubleWell::of, 1, 0, hold, eps,
                        HoppingSpectrum.DEFAULT_CELLS);
                tick.accept(1);
                final Map<String, Object> row = new LinkedHashMap<>();
                row.put("hold_time_tauD", hold);
                row.put("error_rate", eps);
                row.put("barrier_needed_kT", eb);
                row.put("log_inverse_error_kT", ErasureBounds.logInverseError(eps));
                rows.add(row);
                if (hold == longest) {
                    barriersAtLongest.add(eb);
                    erasures.add(pool.submit(optimise(s, s.storeEraseTau(), eps, eb, eb)));
                }
            }
        }
        int k = 0;
        for (Map<String, Object> row : rows) {
            if ((Double) row.get("hold_time_tauD") == longest) {
                final ProtocolOptimizer.Optimum o = get(erasures.get(k));
                tick.accept(1);
                addFault(faults, "storing eps=" + row.get("error_rate"), o.fault());
                row.put("erase_tau_tauD", s.storeEraseTau());
                row.put("erase_mean_work_kT", o.result().meanWork());
                row.put("erase_mean_work_numerical_error_kT", o.verified().workError());
                row.put("erase_error_rate", o.result().error());
                row.put("erase_error_rate_numerical_error", o.verified().errorRateError());
                row.put("erase_feasible", o.feasible());
                k++;
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> speed(ClaimsSettings s, List<Map<String, Object>> frontier) {
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (double eps : s.frontierErrors()) {
            final List<Map<String, Object>> pts = frontier.stream()
                    .filter(r -> (Double) r.get("target_error") == eps && (Boolean) r.get("feasible")).toList();
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("target_error", eps);
            row.put("log_inverse_error_kT", ErasureBounds.logInverseError(eps));
            row.put("landauer_bound_kT", ErasureBounds.generalizedLandauer(eps));
            row.put("taus", pts.size());
            for (Map<String, Object> p : pts) {
                row.put("excess_kT_at_tau_" + fmt((Double) p.get("protocol.tau")), p.get("excess_over_landauer_kT"));
            }
            if (pts.size() >= 3) {
                final InverseTauFit f = InverseTauFit.fit(pts.stream().mapToDouble(p -> (Double) p.get("protocol.tau"))
                        .toArray(), pts.stream().mapToDouble(p -> (Double) p.get("mean_work_kT")).toArray(), null);
                row.put("w_inf_kT", f.wInf());
                row.put("w_inf_stderr_kT", f.wInfError());
                row.put("b_kT_tauD", f.b());
                final double gap = ErasureBounds.logInverseError(eps) - f.wInf();
                row.put("tau_where_work_reaches_ln_inv_eps_tauD", f.b() > 0 && gap > 0 ? f.b() / gap : Double.NaN);
            }
            rows.add(row);
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
