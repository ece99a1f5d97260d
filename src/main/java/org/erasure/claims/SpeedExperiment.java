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
        final double level = ErasureBounds.logInverseError(eps);
        final List<Rows.Frontier> pts = frontier.stream().filter(r -> r.targetError() == eps && r.feasible())
                .sorted(java.util.Comparator.comparingDouble(Rows.Frontier::tau)).toList();
        if (pts.isEmpty()) {
            return new Rows.Crossover(eps, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, 0,
                    "no feasible frontier point at this target", null);
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
                            + "down to tau = %s (%.4g kT)", ClaimsRunner.fmt(first.tau()), first.fp().meanWork())
                            : String.format(java.util.Locale.ROOT, "not bracketed: <W>_min above kT ln(1/eps) up "
                            + "to tau = %s (%.4g kT)", ClaimsRunner.fmt(last.tau()), last.fp().meanWork()), null);
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
            final ProtocolOptimizer.Optimum o = FrontierExperiment.optimise(s, t, eps, s.barrierRange()[0], s.barrierRange()[1], helpers)
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
                runs + " optimisation(s) inside the bracket" + stop, null);
    }

    /** The τ where the line through (ln τ_lo, ln W_lo) and (ln τ_hi, ln W_hi) reaches ln(level). */
    static double falsePosition(double tLo, double wLo, double tHi, double wHi, double level) {
        final double f = (Math.log(level) - Math.log(wLo)) / (Math.log(wHi) - Math.log(wLo));
        return Math.exp(Math.log(tLo) + f * (Math.log(tHi) - Math.log(tLo)));
    }
}
