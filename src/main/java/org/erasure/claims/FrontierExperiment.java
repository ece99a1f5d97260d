package org.erasure.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.erasure.optimize.Solves;
import org.erasure.Erasure;
import org.erasure.config.ClaimsSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;
import org.erasure.optimize.FourStepFamily;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.rare.AmsTimeStep;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;
import org.erasure.stats.ErasureTally;

/**
 * Experiment 2 of SPEC 5: the error–energy frontier (least ⟨W⟩ found per τ and ε), checked by Monte Carlo and by
 * splitting.
 */
final class FrontierExperiment {

    private FrontierExperiment() {
    }

    static List<Rows.Frontier> frontier(ClaimsSettings s, ExecutorService pool, IntConsumer tick,
                                                List<String> faults) {
        final List<Future<ProtocolOptimizer.Optimum>> fs = new ArrayList<>();
        final List<double[]> keys = new ArrayList<>();
        for (double tau : s.frontierTaus()) {
            // the targets at one duration search one family: a member solved for one is not solved again for another
            final FourStepFamily family = FourStepFamily.of(tau, s.maxTilt(), s.barrierRange()[0], s.barrierRange()[1]);
            final Solves solves = new Solves(family, TargetWell.RIGHT, 0,
                    ClaimsEngines.optimizerSettings(s));
            for (double eps : s.frontierErrors()) {
                keys.add(new double[] {tau, eps});
                fs.add(pool.submit(() -> ProtocolOptimizer.minimize(family, eps, TargetWell.RIGHT, 0,
                        ClaimsEngines.optimizerSettings(s), null, pool, solves)));
            }
        }
        final List<ProtocolOptimizer.Optimum> found = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            final ProtocolOptimizer.Optimum o = ClaimsEngines.get(fs.get(i));
            tick.accept(1);
            found.add(o);
            ClaimsEngines.addFault(faults, "frontier tau=" + keys.get(i)[0] + " eps<=" + keys.get(i)[1], o.fault());
        }
        stretch(s, pool, keys, found);
        // A protocol found for a stricter target also meets every looser one at the same tau: the minimal
        // work at a target is the least over all protocols found at that tau whose error meets it.
        final List<Future<Rows.Frontier>> rows = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            final int from = cheapestMeeting(keys, found, i);
            final Rows.Frontier row = frontierRow(keys.get(i)[0], keys.get(i)[1], found.get(from),
                    found.get(from).feasible() || from != i, keys.get(from)[1], s);
            // beside it, the least work any protocol starting and ending at its storing well needs (absent where the
            // solve does not converge; the report counts those)
            rows.add(pool.submit(() -> row.with(FullControlExperiment.optimum(row.barrier(), row.tau(),
                    row.targetError(), new String[1]))));
        }
        return rows.stream().map(ClaimsEngines::get).toList();
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
    static void stretch(ClaimsSettings s, ExecutorService pool, List<double[]> keys,
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
                        final FokkerPlanckSolution v = ClaimsEngines.verified((QuarticDoubleWell) m.potential(), m.protocol(), s,
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
        chains.forEach(ClaimsEngines::get);
    }

    static Callable<ProtocolOptimizer.Optimum> optimise(ClaimsSettings s, double tau, double eps, double lo,
                                                         double hi, java.util.concurrent.Executor helpers) {
        return () -> ProtocolOptimizer.minimize(FourStepFamily.of(tau, s.maxTilt(), lo, hi), eps,
                TargetWell.RIGHT, 0, ClaimsEngines.optimizerSettings(s), null, helpers);
    }

    static Rows.Frontier frontierRow(double tau, double eps, ProtocolOptimizer.Optimum o, boolean feasible,
                                             double foundFor, ClaimsSettings s) {
        final KeyframeProtocol p = o.member().protocol();
        final double[] t = p.times();
        return new Rows.Frontier(tau, eps, feasible, Rows.Verified.of(o.verified()),
                ((QuarticDoubleWell) o.member().potential()).barrierKT(), p.values0()[1], p.values1()[2],
                Rows.phaseFractions(p),
                String.join("; ", FourStepFamily.of(tau, s.maxTilt(), s.barrierRange()[0], s.barrierRange()[1])
                        .parametersOnBounds(o.unit())), o.evaluations(), o.fault() == null ? "" : o.fault(), foundFor,
                o.member(), null);
    }

    /**
     * A frontier point that sampling can resolve, confirmed by Monte Carlo: the four-step protocol
     * (E_b = 12 kT, g_min = 0) at mc_check_tau whose tilt F_max gives eps = mc_check_error on the
     * Fokker-Planck solution (Brent on log eps), then simulated with 5 x mc_trajectories trajectories.
     */
    static Rows.FrontierCheck frontierCheck(ClaimsSettings s, int threads, IntConsumer tick,
                                                    List<String> faults) {
        final QuarticDoubleWell w = QuarticDoubleWell.of(12);
        final double tau = s.mcCheckTau();
        final double target = Math.log(s.mcCheckError());
        final double tilt = new BrentSolver(1e-6).solve(100,
                f -> Math.log(ClaimsEngines.search(w, KeyframeProtocol.fourStep(tau, 0, f), s).error()) - target, 0.2, 30);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(tau, 0, tilt);
        final FokkerPlanckSolution v = ClaimsEngines.verified(w, p, s, null);
        tick.accept(1);
        ClaimsEngines.addFault(faults, "frontier MC check", ProtocolOptimizer.fault(v.result(), true));
        final Rows.Verified fp = Rows.Verified.of(v);
        final ErasureTally t = ClaimsEngines.monteCarlo(ErasureProblem.of(w, p), s.mcTrajectories() * 5, s.seed() + 1000, threads);
        tick.accept(1);
        return new Rows.FrontierCheck(tau, w.barrierKT(), 0, tilt, fp, Rows.MonteCarloCheck.of(t, fp));
    }

    /** The splitting check of the tail (see {@link Rows.AmsCheck}); null when no frontier point qualifies. */
    static Rows.AmsCheck amsCheck(ClaimsSettings s, List<Rows.Frontier> frontier, int threads) {
        // a point both engines resolve: within the FP tolerance, and at least ClaimsRunner.AMS_MIN_STEPS Monte Carlo steps over
        // the protocol (at tau = 0.01 the Monte Carlo step would cut a 300 kT tilt into a few dozen jumps)
        final Rows.Frontier f = frontier.stream().filter(r -> r.feasible() && r.targetError() <= 1e-15
                        && r.fp().withinTolerance() && r.tau() / ClaimsEngines.mcDt(r.barrier()) >= ClaimsRunner.AMS_MIN_STEPS)
                .min(java.util.Comparator.comparingDouble(Rows.Frontier::tau)
                        .thenComparingDouble(r -> r.fp().errorRate())).orElse(null);
        if (f == null) {
            return null;
        }
        final double dt = ClaimsEngines.mcDt(f.barrier());
        final AmsTimeStep.Outcome ams = Erasure.rareEventJudged(ErasureProblem.of(f.member().potential(),
                f.member().protocol()), new MonteCarloSettings(Integrator.HEUN, dt, 1, s.seed(), null),
                new AmsSettings(s.amsReplicas(), 0.05, s.amsRepetitions(), s.seed(), Score.committor(),
                        AmsSettings.DEFAULT_MAX_ITERATIONS), threads);
        return Rows.AmsCheck.of(f, ams, dt);
    }
}
