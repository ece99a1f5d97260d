package org.erasure.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.erasure.Optimization;
import org.erasure.config.ClaimsSettings;
import org.erasure.model.TargetWell;
import org.erasure.optimize.GradientOptimizer;
import org.erasure.optimize.KeyframeFamily;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.physics.QuarticDoubleWell;

/**
 * Issue 26's rich family beside every frontier point (experiment 2, where {@code frontier.rich_nodes} is set): the
 * spline family (g and F at K equally spaced interior nodes, joined linearly, both ends at the storing potential; g in
 * the quartic's own range [0, 1], F within the frontier's tilt cap) at the point's storing barrier, searched with exact
 * gradients ({@link GradientOptimizer}: an augmented Lagrangian around projected L-BFGS on the Fokker–Planck adjoint,
 * preconditioned by the dissipation's metric) from the four-step optimum's protocol and from smooth perturbations of
 * it that still erase, the starts more than {@link Optimization#SPREAD_TARGET} above the least (or missing the target,
 * on the search grid or verified) polished while the spread exceeds it; every start's best verified on claims'
 * verification grid, as every tabulated value, and the least verified work meeting the target tabulated with the
 * starts' spread.
 * The family holds the four-step protocol to within its nodes' spacing, so the first start lies near the four-step
 * point's work, and the spread measures how much the answer depends on where the search started.
 */
final class RichFrontierExperiment {

    private RichFrontierExperiment() {
    }

    /**
     * Queues one search per frontier point on {@code pool} (none where {@code frontier.rich_nodes} is 0), each ticking
     * {@code tick} (thread-safe) when done: minutes apart, so progress shows while they run. The searches wait on
     * nothing, so the caller may collect them ({@link #collect}) from any thread that is not one of the pool's.
     */
    static List<Future<GradientOptimizer.Result>> submit(ClaimsSettings s, List<Rows.Frontier> frontier,
                                                         ExecutorService pool, IntConsumer tick) {
        final ClaimsSettings.Rich rich = s.rich();
        if (rich.nodes() == 0) {
            return List.of();
        }
        final ProtocolOptimizer.Settings settings = ClaimsEngines.optimizerSettings(s);
        final List<Future<GradientOptimizer.Result>> fs = new ArrayList<>();
        for (Rows.Frontier f : frontier) {
            final KeyframeFamily family = family(s, f.barrier(), f.tau()).startingFrom(f.member().protocol());
            fs.add(pool.submit(() -> {
                final GradientOptimizer.Result r = GradientOptimizer.minimize(family, f.targetError(), TargetWell.RIGHT,
                        settings, rich.starts(), rich.evaluations(), Optimization.SPREAD_TARGET,
                        Optimization.POLISH_ROUNDS, null);
                tick.accept(1);
                return r;
            }));
        }
        return fs;
    }

    private static KeyframeFamily family(ClaimsSettings s, double barrier, double tau) {
        return KeyframeFamily.forErasure(QuarticDoubleWell.of(barrier), tau, s.rich().nodes(), new double[] {1, 0},
                new double[] {1, 0}, s.maxTilt());
    }

    /**
     * The crossover τ* of the rich family at one target (crossover_rich.csv; issue 26's bracket [τ_low, τ*] with the
     * best protocols found): bracketed by the rich points that meet it, narrowed by {@code frontier.crossover_steps}
     * spline searches as the four-step crossover is ({@link SpeedExperiment#bracketed}), each at the storing barrier of
     * the rich point nearest in ln τ and starting from its protocol (the family reads it at its own fractions of the
     * duration), with the frontier's starts, budget and polishing.
     */
    static Rows.Crossover crossover(ClaimsSettings s, double eps, List<Rows.RichPoint> rich) throws Exception {
        final List<Rows.RichPoint> met = rich.stream().filter(p -> p.four().targetError() == eps && p.feasible())
                .toList();
        final List<double[]> pts = met.stream()
                .map(p -> new double[] {p.four().tau(), p.fp().meanWork(), p.fp().meanWorkError()}).toList();
        final ProtocolOptimizer.Settings settings = ClaimsEngines.optimizerSettings(s);
        return SpeedExperiment.bracketed(eps, pts, s.crossoverSteps(), t -> {
            final Rows.RichPoint near = met.stream().min(java.util.Comparator.comparingDouble(
                    p -> Math.abs(Math.log(p.four().tau() / t)))).orElseThrow();
            final KeyframeFamily family = family(s, near.barrier(), t).startingFrom(near.protocol());
            final GradientOptimizer.Result r = GradientOptimizer.minimize(family, eps, TargetWell.RIGHT, settings,
                    s.rich().starts(), s.rich().evaluations(), Optimization.SPREAD_TARGET, Optimization.POLISH_ROUNDS,
                    null);
            return r.optimum().feasible() ? new double[] {r.optimum().verified().result().meanWork(),
                r.optimum().verified().workError()} : null;
        });
    }

    /** The rich points in the frontier's order, from {@link #submit}'s searches (empty: none ran). */
    static List<Rows.RichPoint> collect(ClaimsSettings s, List<Rows.Frontier> frontier,
                                        List<Future<GradientOptimizer.Result>> fs, List<String> faults) {
        final List<GradientOptimizer.Result> found = new ArrayList<>();
        final List<double[]> keys = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            final GradientOptimizer.Result r = ClaimsEngines.get(fs.get(i));
            found.add(r);
            keys.add(new double[] {frontier.get(i).tau(), frontier.get(i).targetError()});
            ClaimsEngines.addFault(faults, "rich frontier tau=" + frontier.get(i).tau() + " eps<="
                    + frontier.get(i).targetError(), r.optimum().fault());
        }
        // as on the four-step frontier: a protocol found for a stricter target meets every looser one at its duration
        final List<ProtocolOptimizer.Optimum> optima = found.stream().map(GradientOptimizer.Result::optimum).toList();
        final List<Rows.RichPoint> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            final int from = FrontierExperiment.cheapestMeeting(keys, optima, i);
            final GradientOptimizer.Result r = found.get(from);
            final KeyframeFamily family = family(s, frontier.get(from).barrier(), keys.get(from)[0]);
            out.add(new Rows.RichPoint(frontier.get(i), s.rich().nodes(), frontier.get(from).barrier(),
                    Rows.Verified.of(r.optimum().verified()), r.optimum().feasible() || from != i, keys.get(from)[1], found.get(i).startWork(),
                    found.get(i).startVerifiedWork(), found.get(i).verifiedSpread(), found.get(i).polishRounds(),
                    family.parametersOnBounds(r.optimum().unit()).size(), r.optimum().evaluations(),
                    r.optimum().fault() == null ? "" : r.optimum().fault(), r.optimum().member().protocol()));
        }
        return out;
    }
}
