package org.erasure.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erasure.config.ClaimsSettings;
import org.erasure.physics.ErasureBounds;
import org.erasure.optimize.ProtocolOptimizer;
import org.erasure.stats.InverseTauFit;

/** Experiment 4 of SPEC 5: the excess work of fast erasure, and the duration where ⟨W⟩ crosses kT ln(1/ε). */
final class SpeedExperiment {

    private SpeedExperiment() {
    }

    static List<Rows.Speed> speed(ClaimsSettings s, List<Rows.Frontier> frontier) {
        final List<Rows.Speed> rows = new ArrayList<>();
        for (double eps : s.frontierErrors()) {
            final List<Rows.Frontier> pts = frontier.stream().filter(r -> r.targetError() == eps && r.feasible())
                    .toList();
            final Map<Double, Rows.Verified> excess = new LinkedHashMap<>();
            pts.forEach(p -> excess.put(p.tau(), p.fp()));
            final List<Rows.Frontier> slow = pts.stream().filter(p -> p.tau() >= ClaimsRunner.FIT_TAU_MIN).toList();
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
        final Rows.Crossover found = foundCrossover(s, eps, frontier, helpers);
        return found.with(FullControlExperiment.crossover(s, eps, found.tauStar()));
    }

    private static Rows.Crossover foundCrossover(ClaimsSettings s, double eps, List<Rows.Frontier> frontier,
                                                 java.util.concurrent.Executor helpers) throws Exception {
        final List<double[]> pts = frontier.stream().filter(r -> r.targetError() == eps && r.feasible())
                .map(r -> new double[] {r.tau(), r.fp().meanWork(), r.fp().meanWorkError()}).toList();
        return bracketed(eps, pts, s.crossoverSteps(), t -> {
            final ProtocolOptimizer.Optimum o = FrontierExperiment.optimise(s, t, eps, s.barrierRange()[0],
                    s.barrierRange()[1], helpers).call();
            return o.feasible() ? new double[] {o.verified().result().meanWork(), o.verified().workError()} : null;
        });
    }

    /** One optimisation at a duration τ (τ_D): {verified ⟨W⟩, its numerical error} in kT, or null where it missed. */
    interface Search {
        double[] at(double tau) throws Exception;
    }

    /**
     * τ* at one target from measured points {τ, ⟨W⟩_min, its error} (any order; those that met the target): the first
     * adjacent pair bracketing kT ln(1/ε), narrowed by {@code steps} searches (see {@link #crossover}).
     */
    static Rows.Crossover bracketed(double eps, List<double[]> measured, int steps, Search search) throws Exception {
        final double level = ErasureBounds.logInverseError(eps);
        final List<double[]> pts = measured.stream().sorted(java.util.Comparator.comparingDouble(p -> p[0])).toList();
        if (pts.isEmpty()) {
            return new Rows.Crossover(eps, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0,
                    "no feasible frontier point at this target", null);
        }
        int at = -1;
        for (int i = 0; i + 1 < pts.size() && at < 0; i++) {
            if (pts.get(i)[1] >= level && pts.get(i + 1)[1] < level) {
                at = i;
            }
        }
        if (at < 0) {
            final double[] first = pts.get(0);
            final double[] last = pts.get(pts.size() - 1);
            final boolean allBelow = first[1] < level;
            return new Rows.Crossover(eps, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0,
                    allBelow ? String.format(java.util.Locale.ROOT, "not bracketed: <W>_min below kT ln(1/eps) "
                            + "down to tau = %s (%.4g kT)", ClaimsRunner.fmt(first[0]), first[1])
                            : String.format(java.util.Locale.ROOT, "not bracketed: <W>_min above kT ln(1/eps) up "
                            + "to tau = %s (%.4g kT)", ClaimsRunner.fmt(last[0]), last[1]), null);
        }
        double tLo = pts.get(at)[0];
        double wLo = pts.get(at)[1];
        double eLo = pts.get(at)[2];
        double tHi = pts.get(at + 1)[0];
        double wHi = pts.get(at + 1)[1];
        double eHi = pts.get(at + 1)[2];
        int runs = 0;
        String stop = "";
        int lastMoved = 0;                         // +1: the low end moved last, -1: the high end
        for (int k = 0; k < steps; k++) {
            // after the first step, aim 5 % beyond the predicted root, away from the end that moved last, so the
            // other end moves too and the bracket closes from both sides (plain regula falsi keeps one end fixed)
            final double t = Math.min(tHi, Math.max(tLo, falsePosition(tLo, wLo, tHi, wHi, level)
                    * (lastMoved > 0 ? 1.05 : lastMoved < 0 ? 1 / 1.05 : 1)));
            final double[] o = search.at(t);
            runs++;
            if (o == null) {
                stop = String.format(java.util.Locale.ROOT, "; the one at tau = %.4g missed the target", t);
                break;
            }
            if (o[0] >= level) {
                tLo = t;
                wLo = o[0];
                eLo = o[1];
                lastMoved = 1;
            } else {
                tHi = t;
                wHi = o[0];
                eHi = o[1];
                lastMoved = -1;
            }
        }
        return new Rows.Crossover(eps, tLo, wLo, eLo, tHi, wHi, eHi, falsePosition(tLo, wLo, tHi, wHi, level), runs,
                runs + " optimisation(s) inside the bracket" + stop, null);
    }

    /** The τ where the line through (ln τ_lo, ln W_lo) and (ln τ_hi, ln W_hi) reaches ln(level). */
    static double falsePosition(double tLo, double wLo, double tHi, double wHi, double level) {
        final double f = (Math.log(level) - Math.log(wLo)) / (Math.log(wHi) - Math.log(wLo));
        return Math.exp(Math.log(tLo) + f * (Math.log(tHi) - Math.log(tLo)));
    }
}
