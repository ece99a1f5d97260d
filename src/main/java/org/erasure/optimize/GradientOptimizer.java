package org.erasure.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.erasure.fokkerplanck.FokkerPlanckGradient;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.model.TargetWell;
import org.erasure.model.TimeGrid;
import org.erasure.physics.Potential;

/**
 * Minimises ⟨W⟩ over a rich {@link KeyframeFamily} (hundreds of values) subject to ln ε ≤ ln ε_target, with exact
 * gradients from the Fokker–Planck solve's adjoint ({@link FokkerPlanckGradient}). One job: the constrained
 * gradient search and its multi-start.
 *
 * <p><b>Method.</b> An augmented Lagrangian for the inequality c = ln ε − ln ε_aim ≤ 0 (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., §17.4: ψ = λc + μc²/2 where c ≥ −λ/μ, else −λ²/(2μ); after each inner
 * solve λ ← max(0, λ + μc), and μ grows tenfold where the violation did not fall by 4), each inner problem on the
 * family's unit box by a projected limited-memory BFGS: the two-loop direction on the variables not held at a bound by
 * their gradient, a backtracking (Armijo) search along the projected path P(u + αd), the pair (s, y) kept where
 * s·y &gt; 0 (after Bertsekas, SIAM J. Control Optim. 20, 221 (1982), and Kim, Sra &amp; Dhillon, Optim. Methods Softw.
 * 25, 1 (2010)), preconditioned by the dissipation's metric over the nodes ({@link DissipationMetric}: the
 * quasi-static Hessian of the work is a second difference in the node values, whose smooth modes a plain gradient
 * removes slowest; measured at τ = 100 τ_D, ε ≤ 1e-15, E_b = 40 kT, 200 nodes, 5 starts of 300 evaluations: the
 * four starts that met the target within 0.42 % of each other with it, at 0.737 – 1.37 kT without). No maintained
 * pure-Java L-BFGS-B with a permissive licence exists (searched: Commons Math has none; lbfgsb_wrapper is JNI to
 * Fortran; Smile's is GPL), so this is written here, in about a hundred lines.
 *
 * <p>Every start (the family's own, then seeded smooth perturbations of it that still erase) is searched in full;
 * the best point that meets the aim on the search grid (where none does, the one closest to it, then reported as
 * missing the target) is verified on the finer grid as the derivative-free optimiser's optimum is. The spread of
 * the starts' ⟨W⟩ is the measure of how far the search is from the optimum it claims.
 */
public final class GradientOptimizer {

    /** Memory of the limited BFGS. */
    private static final int MEMORY = 12;
    /** Draws of a perturbed start at most, one solve each ({@link #erasingPerturbation}). */
    public static final int PERTURBATION_DRAWS = 20;
    /** Outer iterations of the augmented Lagrangian. */
    private static final int OUTER = 12;

    /**
     * @param optimum     the verified best, as the derivative-free optimiser reports it
     * @param startWork   ⟨W⟩ of each start's best point meeting the aim on the search grid (NaN: none met it)
     * @param spread      (max − min)/min of the finite ones (NaN: fewer than two)
     * @param polishRounds the rounds of polishing run (0: none was asked for or needed)
     * @param startVerifiedWork each start's best point verified on the finer grid (NaN: the start met nothing, or its
     *                    verified ε misses the target): what the starts are compared and the optimum chosen by
     */
    public record Result(ProtocolOptimizer.Optimum optimum, double[] startWork, double spread, int polishRounds,
                         double[] startVerifiedWork) {

        /** (max − min)/min of the starts' verified ⟨W⟩ (NaN: fewer than two verified meeting the target). */
        public double verifiedSpread() {
            return GradientOptimizer.spread(startVerifiedWork);
        }
    }

    private GradientOptimizer() {
    }

    /**
     * @param starts      how many starts (the first the family's own)
     * @param evaluations the budget per start (gradient evaluations)
     * @param progress    called with 1 after each evaluation, or null
     */
    public static Result minimize(KeyframeFamily family, double targetError, TargetWell target,
                                  ProtocolOptimizer.Settings s, int starts, int evaluations, LongConsumer progress) {
        return minimize(family, targetError, target, s, starts, evaluations, Double.NaN, 0, progress);
    }

    /**
     * As {@link #minimize(KeyframeFamily, double, TargetWell, ProtocolOptimizer.Settings, int, int, LongConsumer)},
     * then, while the starts' spread exceeds {@code spreadTarget}, a start has not met the aim, or a start's best
     * point verified on the finer grid misses the target, each start more than {@code spreadTarget} above the least
     * (or short of the aim) goes on from its best point (or the one that missed least) for another
     * {@code evaluations}, at most {@code polishRounds} rounds: a start stopped by its budget short of its minimum
     * comes closer to the others; starts in different minima stay apart, and the spread says so. A start whose
     * verified ε misses the target goes on with its own aim moved by the ratio (less 5 %). The starts already within
     * the target of the least are left, so the budget goes where the spread is.
     *
     * @param spreadTarget the spread to reach, (max − min)/min of the starts' ⟨W⟩ (NaN: no polishing)
     * @param polishRounds rounds of polishing at most
     */
    public static Result minimize(KeyframeFamily family, double targetError, TargetWell target,
                                  ProtocolOptimizer.Settings s, int starts, int evaluations, double spreadTarget,
                                  int polishRounds, LongConsumer progress) {
        if (!(targetError > 0 && targetError < 1)) {
            throw new IllegalArgumentException("the gradient optimiser needs an error target in (0, 1), got "
                    + targetError);
        }
        final Objective f = new Objective(family, target, s, progress);
        final double aim = Math.log(0.9 * targetError);
        final SplittableRandom rng = new SplittableRandom(s.seed());
        final double[] startWork = new double[starts];
        final double[][] startBest = new double[starts][];
        final double[][] startNearest = new double[starts][];
        boolean startErases = false;            // solved once, when the first perturbed start is drawn
        double[] best = null;
        double bestWork = Double.POSITIVE_INFINITY;
        double[] closest = null;                // where no start meets the aim: the least violation, reported missing
        Eval closestEval = null;
        for (int k = 0; k < starts; k++) {
            if (k == 1) {
                // between searches: before the first, the solve would sit in the objective's cache and the first
                // search would see one evaluation fewer counted against its budget (and take another path)
                startErases = f.at(family.start()).logError < Math.log(0.5);
            }
            final double[] u0 = k == 0 ? family.start()
                    : erasingPerturbation(f, family.start(), startErases, rng);
            final double[][] found = augmentedLagrangian(f, u0, aim, evaluations);
            final Eval e = found[0] == null ? null : f.at(found[0]);
            startWork[k] = e == null ? Double.NaN : e.work;
            startBest[k] = found[0];
            startNearest[k] = found[1];
            if (e != null && e.work < bestWork) {
                bestWork = e.work;
                best = found[0];
            }
            final Eval last = f.at(found[1]);
            if (closer(last, closestEval)) {
                closestEval = last;
                closest = found[1];
            }
        }
        // every start's best point verified: the search grid can be exploited where it does not resolve the protocols
        // the search tries (at tau = 1000 tau_D, E_b = 73 kT, 1000 steps, starts reached <W> = -22.6 kT on it, below
        // any physical bound, and verified at 6.6 kT), so the starts are compared, and the optimum chosen, by their
        // verified values; the search grid's best only where no start's verified eps meets the target
        final FokkerPlanckSolution[] verified = new FokkerPlanckSolution[starts];
        final double[] aims = new double[starts];
        Arrays.fill(aims, aim);
        final FokkerPlanckSolution[] movedFor = new FokkerPlanckSolution[starts];  // the verification an aim moved by
        verifyStarts(family, target, s, startBest, verified);
        int polished = 0;
        while (polished < polishRounds
                && (needsPolish(startWork, spreadTarget) || missesVerified(verified, targetError, spreadTarget))) {
            polished++;
            final double lo = Arrays.stream(startWork).filter(Double::isFinite).min().orElse(Double.POSITIVE_INFINITY);
            for (int k = 0; k < starts; k++) {
                final boolean met = startBest[k] != null;
                // a start met on the search grid whose verified eps misses the target: its aim moves by the ratio
                // (the search grid is coarser than the verification's; at tau = 1 tau_D, eps <= 2e-22 one start of
                // five met 0.9 eps_target on it and verified above the target)
                final boolean verifiedMiss = met && !(verified[k].result().error() <= targetError * (1 + 1e-9));
                if (met && !verifiedMiss && startWork[k] <= lo * (1 + spreadTarget)) {
                    continue;                   // within the target of the least: its budget goes to the others
                }
                if (verifiedMiss && movedFor[k] != verified[k]) {
                    // once per verified point: a search that then met nothing leaves the point, and the aim, as they
                    // were (moving it again by the same ratio would compound)
                    aims[k] = movedAim(aims[k], targetError, verified[k].result().error());
                    movedFor[k] = verified[k];
                }
                final double[][] again = augmentedLagrangian(f, met ? startBest[k] : startNearest[k], aims[k],
                        evaluations);
                if (!met) {
                    startNearest[k] = again[1];
                    final Eval last = f.at(again[1]);
                    if (closer(last, closestEval)) {
                        closestEval = last;
                        closest = again[1];
                    }
                }
                final Eval e = again[0] == null ? null : f.at(again[0]);
                if (e != null && (verifiedMiss || !(e.work >= startWork[k]))) {
                    startWork[k] = e.work;      // a moved aim costs work: its point replaces the one that missed
                    startBest[k] = again[0];
                    verified[k] = null;
                    if (e.work < bestWork) {
                        bestWork = e.work;
                        best = again[0];
                    }
                }
            }
            verifyStarts(family, target, s, startBest, verified);
        }
        final double[] verifiedWork = new double[starts];
        Arrays.fill(verifiedWork, Double.NaN);
        FokkerPlanckSolution bestVerified = null;
        for (int k = 0; k < starts; k++) {
            final FokkerPlanckSolution vk = verified[k];
            if (vk != null && vk.result().error() <= targetError * (1 + 1e-9)) {
                verifiedWork[k] = vk.result().meanWork();
                if (bestVerified == null || verifiedWork[k] < bestVerified.result().meanWork()) {
                    bestVerified = vk;
                    best = startBest[k];
                }
            }
        }
        if (best == null) {
            best = closest;
        }
        // the search grid is coarser than the verification's: where the verified eps misses the target, the aim
        // moves by the ratio and the search goes on from the best point (at most twice)
        ProtocolFamily.Member m = family.member(best);
        FokkerPlanckSolution v = bestVerified != null ? bestVerified
                : OptimumVerification.verify(ProtocolOptimizer.problem(m, target, 0), s);
        double moved = aim;
        for (int round = 0; round < 2 && !(v.result().error() <= targetError); round++) {
            moved = movedAim(moved, targetError, v.result().error());
            final double[] again = augmentedLagrangian(f, best, moved, evaluations / 2)[0];
            if (again == null) {
                break;
            }
            best = again;
            m = family.member(best);
            v = OptimumVerification.verify(ProtocolOptimizer.problem(m, target, 0), s);
        }
        final boolean feasible = v.result().error() <= targetError * (1 + 1e-9);
        final ProtocolOptimizer.Optimum opt = new ProtocolOptimizer.Optimum(best, m, v, f.searched(best), feasible,
                f.count, OptimumVerification.fault(v.result(), OptimumVerification.isSymmetricErasure(m)));
        return new Result(opt, startWork, spread(startWork), polished, verifiedWork);
    }

    /**
     * The search grid's aim (ln ε) moved by the ratio of the target to the ε a point verified at, less 5 %: where the
     * search grid is kinder than the verification's, the next search aims that much lower.
     */
    private static double movedAim(double aim, double targetError, double verifiedError) {
        return aim + (Math.log(targetError / verifiedError) - 0.05);
    }

    /** Solves on the verification grid each start's best point not yet verified (a null entry). */
    private static void verifyStarts(KeyframeFamily family, TargetWell target, ProtocolOptimizer.Settings s,
                                     double[][] startBest, FokkerPlanckSolution[] verified) {
        for (int k = 0; k < startBest.length; k++) {
            if (startBest[k] != null && verified[k] == null) {
                verified[k] = OptimumVerification.verify(ProtocolOptimizer.problem(family.member(startBest[k]),
                        target, 0), s);
            }
        }
    }

    /** Whether polishing is asked for and a start's verified ε misses the target. */
    private static boolean missesVerified(FokkerPlanckSolution[] verified, double targetError, double spreadTarget) {
        return spreadTarget >= 0 && Arrays.stream(verified)
                .anyMatch(v -> v != null && !(v.result().error() <= targetError * (1 + 1e-9)));
    }

    /** Whether a polishing round is asked for: the spread above its target, or a start that has not met the aim. */
    private static boolean needsPolish(double[] startWork, double spreadTarget) {
        return spreadTarget >= 0 && (Arrays.stream(startWork).anyMatch(w -> !Double.isFinite(w))
                || spread(startWork) > spreadTarget);
    }

    /**
     * (max − min)/min of the finite values (the starts that met the target); NaN with fewer than two; +∞ where the
     * least is not positive (a search-grid ⟨W⟩ ≤ 0, below kT[ln 2 − H(ε)] &gt; 0: a grid the protocol is not resolved
     * on, measured at τ = 100 τ_D: −1.36 kT, verified at 8.15).
     */
    public static double spread(double[] startWork) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int met = 0;
        for (double w : startWork) {
            if (Double.isFinite(w)) {
                lo = Math.min(lo, w);
                hi = Math.max(hi, w);
                met++;
            }
        }
        return met < 2 ? Double.NaN : lo <= 0 ? Double.POSITIVE_INFINITY : (hi - lo) / lo;
    }

    /**
     * A {@link #perturbed} start that still erases, ε &lt; 1/2 on the search grid: a perturbation that sends the bit to
     * the wrong well (at τ = 100 τ_D, ε ≤ 1e-15, E_b = 40 kT the fifth start did, ε ≈ 1) is a start of another task,
     * from which a local search has to reverse the whole protocol: after three searches of 300 evaluations it verified
     * at 8.15 kT against the other starts' 0.732 – 0.735. Drawn again, at most {@value #PERTURBATION_DRAWS} times
     * (each draw costs one solve); the last draw is kept. Where the start itself does not erase (the storing
     * potential held, as {@code optimize --family spline} starts), any perturbation is kept.
     *
     * @param startErases whether the unperturbed start has ε &lt; 1/2 on the search grid (solved once per search)
     */
    private static double[] erasingPerturbation(Objective f, double[] start, boolean startErases,
                                                SplittableRandom rng) {
        double[] u = perturbed(start, rng);
        if (!startErases) {
            return u;
        }
        for (int draw = 1; draw < PERTURBATION_DRAWS && !(f.at(u).logError < Math.log(0.5)); draw++) {
            u = perturbed(start, rng);
        }
        return u;
    }

    /**
     * The start moved by a smooth random curve per control (the values of the two controls interleave, as the spline
     * family frees both): three sine modes of amplitude up to 0.15 in the unit box, clipped.
     */
    private static double[] perturbed(double[] u, SplittableRandom rng) {
        final double[] p = u.clone();
        final int n = u.length;
        for (int c = 0; c < 2; c++) {
            for (int mode = 1; mode <= 3; mode++) {
                final double a = 0.15 * (2 * rng.nextDouble() - 1);
                for (int j = c; j < n; j += 2) {
                    p[j] += a * Math.sin(Math.PI * mode * (j / 2 + 1.0) / (n / 2 + 1.0));
                }
            }
        }
        for (int j = 0; j < n; j++) {
            p[j] = Math.max(0, Math.min(1, p[j]));
        }
        return p;
    }

    /**
     * Whether a point misses the aim by less than another (null: none yet): by a smaller ln ε, or, within 0.05 of
     * it (5 % in ε), by less work. A search that cannot meet the aim drives μ up and buys ε with work: at τ = 10,
     * ε ≤ 1e-15 (E_b = 8 kT, out of reach) the point that missed least on the search grid verified at 2880 kT and
     * ε = 1.76e-12; it is reported as missing the target, never as a cost of erasure.
     */
    private static boolean closer(Eval a, Eval b) {
        return b == null || a.logError < b.logError - 0.05
                || (a.logError <= b.logError + 0.05 && a.work < b.work);
    }

    /**
     * {the best point meeting the aim (null: none did), the iterate that missed it least (see {@link #closer})}.
     *
     * <p>The penalty weight starts at μ₀ = max(1, 4⟨W⟩(u₀)/c_½²), c_½ = ln ½ − ln ε_aim, so that every protocol
     * that does not erase (ε ≥ ½, where ln ε is flat and its gradient vanishes) has a merit of at least twice the
     * start's: ⟨W⟩ ≥ 0 for a cycle from equilibrium (the second law; the protocols start and end at the storing
     * potential), so its merit is ≥ μ₀c_½²/2 = 2⟨W⟩(u₀), and a descent from a start meeting the aim (λ = 0) never
     * reaches it. With μ₀ = 1 it could: at τ = 0.01 τ_D, ε ≤ 1e-6 the do-nothing protocol's merit, 0.5 · 13.2² = 87,
     * lay below the start's ⟨W⟩ = 259 kT; the first inner solve went there (ε = ½, ⟨W⟩ = 0), where no gradient leads
     * back, and 3 of 5 starts never met the target after 5 polishing rounds. Where ⟨W⟩ is below c_½²/4 (the claims
     * frontier's four-step starts slower than τ = 0.01 τ_D, though not all their perturbations) μ₀ = 1, as before.
     * The bound holds where the search grid resolves the protocol (its ⟨W⟩ ≥ 0); the verification judges the rest.
     */
    private static double[][] augmentedLagrangian(Objective f, double[] u0, double aim, int budget) {
        final int start = f.count;             // the start's solve, first of the budget as the search's first step
        double lambda = 0;
        final double halfGap = Math.log(0.5) - aim;
        double mu = halfGap > 0 ? Math.max(1, 4 * f.at(u0).work / (halfGap * halfGap)) : 1;
        double[] u = u0.clone();
        double[] best = null;
        double bestWork = Double.POSITIVE_INFINITY;
        double lastViolation = Double.POSITIVE_INFINITY;
        double[] nearest = u.clone();
        Eval nearestEval = null;
        // the curvature pairs carry over from one inner solve to the next: ⟨W⟩'s curvature, most of the merit's,
        // does not change with λ and μ (measured at τ = 10, ε ≤ 1e-6, three starts of 300 evaluations: 1.2105, 0.9686,
        // 1.0189 kT against 1.2386, 1.0000, 1.0599 with each inner solve starting afresh)
        final List<double[]> ss = new ArrayList<>();
        final List<double[]> ys = new ArrayList<>();
        for (int outer = 0; outer < OUTER && f.count - start < budget; outer++) {
            final double l = lambda;
            final double m = mu;
            final java.util.function.Function<double[], double[]> merit = x -> {
                final Eval e = f.at(x);
                final double c = e.logError - aim;
                final double active = Math.max(0, l + m * c);
                final double[] out = new double[x.length + 1];
                out[0] = e.work + (c >= -l / m ? l * c + 0.5 * m * c * c : -l * l / (2 * m));
                for (int i = 0; i < x.length; i++) {
                    out[i + 1] = e.workGradient[i] + active * e.logErrorGradient[i];
                }
                return out;
            };
            u = projectedLbfgs(merit, u, Math.min(budget - (f.count - start), Math.max(20, budget / 6)), ss, ys,
                    f.metric);
            final Eval e = f.at(u);
            if (closer(e, nearestEval)) {
                nearestEval = e;
                nearest = u.clone();
            }
            final double c = e.logError - aim;
            if (c <= 0 && e.work < bestWork) {
                bestWork = e.work;
                best = u.clone();
            }
            lambda = Math.max(0, lambda + mu * c);
            final double violation = Math.max(0, c);
            if (violation > 0.25 * lastViolation) {
                mu *= 10;
            }
            lastViolation = violation;
        }
        return new double[][] {best, nearest};
    }

    /**
     * Minimises a function on [0, 1]^n from u; {@code fg} returns {value, gradient...}. Stops when the projected
     * gradient vanishes (1e-7 of the largest component seen), the value stalls, or the budget is spent.
     */
    static double[] projectedLbfgs(java.util.function.Function<double[], double[]> fg, double[] u0, int budget) {
        return projectedLbfgs(fg, u0, budget, new ArrayList<>(), new ArrayList<>(), null);
    }

    /**
     * As above, starting from (and leaving in) the curvature pairs ss, ys, with the initial inverse Hessian
     * γ M⁻¹ of a metric M on the free variables (null: the identity).
     */
    static double[] projectedLbfgs(java.util.function.Function<double[], double[]> fg, double[] u0, int budget,
                                   List<double[]> ss, List<double[]> ys, DissipationMetric metric) {
        final int n = u0.length;
        double[] u = u0.clone();
        double[] vg = fg.apply(u);
        int used = 1;
        int stall = 0;
        while (used < budget) {
            final double[] g = Arrays.copyOfRange(vg, 1, n + 1);
            final boolean[] held = new boolean[n];
            double pg = 0;
            for (int i = 0; i < n; i++) {
                held[i] = (u[i] <= 0 && g[i] > 0) || (u[i] >= 1 && g[i] < 0);
                pg = Math.max(pg, Math.abs(Math.max(0, Math.min(1, u[i] - g[i])) - u[i]));
            }
            if (pg < 1e-9) {
                break;
            }
            double[] d = direction(g, held, ss, ys, metric);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                slope += g[i] * d[i];
            }
            if (!(slope < 0)) {
                ss.clear();
                ys.clear();
                d = direction(g, held, ss, ys, metric);
            }
            double dMax = 0;
            for (double x : d) {
                dMax = Math.max(dMax, Math.abs(x));
            }
            double alpha = ss.isEmpty() ? Math.min(1, 0.05 / dMax) : 1;
            double[] next = null;
            double[] nextVg = null;
            for (int tries = 0; tries < 25 && used < budget; tries++) {
                final double[] trial = new double[n];
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    trial[i] = Math.max(0, Math.min(1, u[i] + alpha * d[i]));
                    decrease += g[i] * (trial[i] - u[i]);
                }
                final double[] tv = fg.apply(trial);
                used++;
                if (tv[0] <= vg[0] + 1e-4 * decrease) {
                    next = trial;
                    nextVg = tv;
                    break;
                }
                alpha *= 0.3;
            }
            if (next == null) {
                break;
            }
            final double[] sv = new double[n];
            final double[] yv = new double[n];
            double sy = 0;
            for (int i = 0; i < n; i++) {
                sv[i] = next[i] - u[i];
                yv[i] = nextVg[i + 1] - g[i];
                sy += sv[i] * yv[i];
            }
            if (sy > 1e-16) {
                ss.add(sv);
                ys.add(yv);
                if (ss.size() > MEMORY) {
                    ss.remove(0);
                    ys.remove(0);
                }
            }
            stall = vg[0] - nextVg[0] < 1e-10 * Math.max(1, Math.abs(vg[0])) ? stall + 1 : 0;
            u = next;
            vg = nextVg;
            if (stall >= 3) {
                break;
            }
        }
        return u;
    }

    /**
     * −H g on the free variables by the two-loop recursion (Nocedal 1980), the held ones 0, with H₀ = γ M⁻¹
     * (γ = s·y / y·M⁻¹y from the latest pair; M the identity where metric is null).
     */
    private static double[] direction(double[] g, boolean[] held, List<double[]> ss, List<double[]> ys,
                                      DissipationMetric metric) {
        final int n = g.length;
        final double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = held[i] ? 0 : g[i];
        }
        final int m = ss.size();
        final double[] a = new double[m];
        final double[] rho = new double[m];
        for (int k = m - 1; k >= 0; k--) {
            rho[k] = 1 / dot(ys.get(k), ss.get(k), held);
            a[k] = rho[k] * dot(ss.get(k), q, held);
            axpy(-a[k], ys.get(k), q, held);
        }
        double gamma = 1;
        if (metric == null) {
            if (m > 0) {
                final double yy = dot(ys.get(m - 1), ys.get(m - 1), held);
                gamma = yy > 0 ? 1 / (rho[m - 1] * yy) : 1;
            }
            for (int i = 0; i < n; i++) {
                q[i] *= gamma;
            }
        } else {
            final double[][] scratch = new double[2][n];
            final double[] r = new double[n];
            if (m > 0) {
                metric.solve(ys.get(m - 1), held, r, scratch);
                final double yMy = dot(ys.get(m - 1), r, held);
                gamma = yMy > 0 ? 1 / (rho[m - 1] * yMy) : 1;
            }
            metric.solve(q, held, r, scratch);
            for (int i = 0; i < n; i++) {
                q[i] = gamma * r[i];
            }
        }
        for (int k = 0; k < m; k++) {
            final double b = rho[k] * dot(ys.get(k), q, held);
            axpy(a[k] - b, ss.get(k), q, held);
        }
        for (int i = 0; i < n; i++) {
            q[i] = held[i] ? 0 : -q[i];
        }
        return q;
    }

    private static double dot(double[] a, double[] b, boolean[] held) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (!held[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static void axpy(double c, double[] x, double[] y, boolean[] held) {
        for (int i = 0; i < x.length; i++) {
            if (!held[i]) {
                y[i] += c * x[i];
            }
        }
    }

    /** ⟨W⟩, ln ε and their unit-box gradients at a point. */
    private record Eval(double work, double logError, double[] workGradient, double[] logErrorGradient) {
    }

    /**
     * The family's members solved with gradients on one fixed grid (second order, the search grid's cells and
     * steps) over the union of the potential's confining intervals at the corners of the control box, widened by
     * 25 %: a grid that moved with the member would make the objective jump.
     */
    private static final class Objective {
        final KeyframeFamily family;
        final TargetWell target;
        final double lo;
        final double hi;
        final int cells;
        final TimeGrid grid;
        final LongConsumer progress;
        final DissipationMetric metric;
        int count;
        private double[] lastPoint;
        private Eval last;

        Objective(KeyframeFamily family, TargetWell target, ProtocolOptimizer.Settings s, LongConsumer progress) {
            this.family = family;
            this.target = target;
            this.progress = progress;
            this.metric = family.dissipationMetric();
            final Potential pot = family.member(family.start()).potential();
            final double tau = family.member(family.start()).protocol().duration();
            final double[] b0 = family.bounds(0);
            final double[] b1 = family.bounds(1);
            double l = Double.POSITIVE_INFINITY;
            double h = Double.NEGATIVE_INFINITY;
            for (double c0 : b0) {
                for (double c1 : b1) {
                    final double[] r = pot.confiningInterval(c0, c1);
                    l = Math.min(l, r[0]);
                    h = Math.max(h, r[1]);
                }
            }
            final double mid = 0.5 * (l + h);
            this.lo = mid - 1.25 * (mid - l);
            this.hi = mid + 1.25 * (h - mid);
            this.cells = s.search().cells();
            this.grid = TimeGrid.of(tau, 0, tau / s.search().timeSteps());
        }

        /** The search grid's solve of a point as a result record (work and ε; the rest not computed: NaN). */
        org.erasure.fokkerplanck.FokkerPlanckResult searched(double[] u) {
            final Eval e = at(u);
            return org.erasure.fokkerplanck.FokkerPlanckResult.ofWorkAndError(e.work, Math.exp(e.logError));
        }

        Eval at(double[] u) {
            if (lastPoint != null && Arrays.equals(u, lastPoint)) {
                return last;
            }
            final ProtocolFamily.Member m = family.member(u);
            final FokkerPlanckGradient.Result r = FokkerPlanckGradient.solve(m.potential(), m.protocol(), target, lo,
                    hi, cells, grid, 2);
            count++;
            if (progress != null) {
                progress.accept(1);
            }
            final double le = Math.log(r.error());
            final Eval e = new Eval(r.work(), Double.isFinite(le) ? le : -745,
                    family.unitGradient(r.times(), r.workGradient()),
                    family.unitGradient(r.times(), r.logErrorGradient()));
            lastPoint = u.clone();
            last = e;
            return e;
        }
    }
}
