package org.erasure.optimize;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;

/**
 * Minimises ⟨W⟩ over a {@link ProtocolFamily} subject to ε ≤ ε_target, with the Fokker–Planck solver
 * as the objective (second order in time, so few steps suffice) and Commons Math optimisers:
 * the search runs on a coarse grid; the best member is then re-solved on a finer verification grid
 * with its numerical error, and only that verified solution is returned and judged against the target.
 * BOBYQA (Powell 2009) from the family's start and from a CMA-ES global search ({@link CovarianceMatrixAdaptation},
 * Hansen 2016), whose generations are solved concurrently on helper threads when there are any.
 * The constraint enters as a penalty that grows with log₁₀(ε/ε_target) above the target.
 */
public final class ProtocolOptimizer {

    /**
     * The grids of the search and of the verification, and the search budget.
     *
     * @param search      the grid every candidate is evaluated on
     * @param verify      the finer grid the best candidate is re-evaluated on, with its numerical error, before
     *                    anything is reported
     * @param refinements how many times the verification grid may be doubled (cells and steps) while the
     *                    verified value's numerical error exceeds the tolerance
     * @param evaluations objective evaluations (Fokker–Planck solves at the search grid)
     * @param seed        seed of CMA-ES
     */
    public record Settings(FokkerPlanckSettings search, FokkerPlanckSettings verify, int refinements, int evaluations,
                           long seed) {

        /** Doublings of the verification grid allowed by default (up to 8x the search grid's cells and steps). */
        public static final int DEFAULT_REFINEMENTS = 2;

        public Settings {
            if (refinements < 0 || refinements > 6) {
                throw new IllegalArgumentException("refinements must lie in [0, 6], got " + refinements);
            }
            if (evaluations < 10) {
                throw new IllegalArgumentException("need at least 10 evaluations, got " + evaluations);
            }
            if (verify.cells() < search.cells() || verify.timeSteps() < search.timeSteps()) {
                throw new IllegalArgumentException("the verification grid (" + verify + ") must be at least as fine as "
                        + "the search grid (" + search + ")");
            }
        }

        /** A second-order search grid of the given cells and steps, verified at twice both. */
        public Settings(int cells, int timeSteps, int evaluations, long seed) {
            this(new FokkerPlanckSettings(cells, timeSteps, 2, new double[0]),
                    new FokkerPlanckSettings(cells, timeSteps, 2, new double[0]).refined(), DEFAULT_REFINEMENTS,
                    evaluations, seed);
        }
    }

    /**
     * The best member found, verified.
     *
     * @param unit        its point in the unit box
     * @param member      potential and protocol
     * @param verified    its Fokker–Planck solution at the verification grid, with numerical errors: what is reported
     * @param searched    its result at the search grid (what the optimiser saw)
     * @param feasible    whether the verified ε ≤ ε_target
     * @param evaluations objective evaluations used
     * @param fault       non-null when the verified result violates a bound (a numerical fault, not a result)
     */
    public record Optimum(double[] unit, ProtocolFamily.Member member, FokkerPlanckSolution verified,
                          FokkerPlanckResult searched, boolean feasible, int evaluations, String fault) {

        /** The verified result. */
        public FokkerPlanckResult result() {
            return verified.result();
        }
    }

    private ProtocolOptimizer() {
    }

    /** Penalised objective in kT; a candidate the solver could not solve (null) scores as a miss, 1e6. */
    static double objective(FokkerPlanckResult r, double target) {
        return r == null ? 1e6 : penalisedWork(r.meanWork(), r.error(), target);
    }

    /**
     * The search's objective in kT: ⟨W⟩, plus 5d + 20d² where ε lies d decades above {@code aim} (aim ≥ 1: no
     * constraint); 1e6 where it is not finite. Public for searches with other engines as their objective
     * (scripts/CantileverSearch.java, a Monte Carlo one).
     */
    public static double penalisedWork(double work, double eps, double aim) {
        double f = work;
        if (!(aim >= 1) && eps > aim) {
            final double decades = Math.log10(eps / aim);
            f += 5 * decades + 20 * decades * decades;
        }
        return Double.isFinite(f) ? f : 1e6;
    }

    /** A member as a problem: its potential and protocol, then a hold of {@code hold} τ_D at the final controls. */
    public static ErasureProblem problem(ProtocolFamily.Member m, TargetWell target, double hold) {
        return ErasureProblem.of(m.potential(), m.protocol()).withTarget(target).withHold(hold);
    }

    /**
     * @param targetError ε_target, or ≥ 1 for no constraint
     */
    public static Optimum minimize(ProtocolFamily family, double targetError, TargetWell target, Settings s) {
        return minimize(family, targetError, target, s, null);
    }

    /**
     * @param progress called with 1 after each objective evaluation (for progress), or null
     */
    public static Optimum minimize(ProtocolFamily family, double targetError, TargetWell target, Settings s,
                                   java.util.function.LongConsumer progress) {
        return minimize(family, targetError, target, 0, s, progress);
    }

    /**
     * As {@link #minimize(ProtocolFamily, double, TargetWell, Settings, java.util.function.LongConsumer)}, with
     * every member followed by a hold of {@code hold} τ_D at its final controls: ε is the error after the hold.
     */
    public static Optimum minimize(ProtocolFamily family, double targetError, TargetWell target, double hold,
                                   Settings s, java.util.function.LongConsumer progress) {
        return minimize(family, targetError, target, hold, s, progress, null);
    }

    /**
     * As {@link #minimize(ProtocolFamily, double, TargetWell, double, Settings, java.util.function.LongConsumer)},
     * with {@code helpers} (null: none) solving each CMA-ES generation's candidates and BOBYQA's first points side
     * by side, running the second local search beside the first, and sharing a solve's runs when a helper is idle
     * (see {@link FokkerPlanckEngine#solveAt(ErasureProblem, FokkerPlanckSettings, java.util.concurrent.Executor)}).
     * The optimum is the same bit for bit.
     */
    public static Optimum minimize(ProtocolFamily family, double targetError, TargetWell target, double hold,
                                   Settings s, java.util.function.LongConsumer progress,
                                   java.util.concurrent.Executor helpers) {
        return minimize(family, targetError, target, hold, s, progress, helpers, new Solves(family, target, hold, s));
    }

    /**
     * As {@link #minimize(ProtocolFamily, double, TargetWell, double, Settings, java.util.function.LongConsumer,
     * java.util.concurrent.Executor)}, taking the search-grid solves from {@code solves}, which other optimisations of
     * the same family, target well, hold and search grid (at other error targets) share: a point any of them has
     * solved is not solved again. The optimum is the same bit for bit as with solves of its own.
     */
    public static Optimum minimize(ProtocolFamily family, double targetError, TargetWell target, double hold,
                                   Settings s, java.util.function.LongConsumer progress,
                                   java.util.concurrent.Executor helpers, Solves solves) {
        if (!solves.serves(family, target, hold, s)) {
            throw new IllegalArgumentException("these shared solves belong to another family, target, hold or grid");
        }
        final int n = family.dimension();
        // Aim 10 % below the target: the optimisers stop near, not on, the constraint boundary.
        final double aim = targetError >= 1 ? targetError : 0.9 * targetError;
        // Every evaluation is remembered, per phase (start and global search, then each local search): an optimiser
        // that runs out of budget throws and loses its own best. Combined in phase order, first seen wins ties: the
        // same point whether the local searches run one after the other or side by side.
        final SeenBest[] seen = {new SeenBest(), new SeenBest(), new SeenBest()};
        // Solves already done are kept by point (solves): the local searches start from points already evaluated, and
        // the best point is reported with its search-grid result; a repeated point costs no second solve.
        final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.function.BiFunction<SeenBest, java.util.concurrent.Executor, MultivariateFunction> objective =
                (phase, exec) -> u -> {
                    count.incrementAndGet();
                    if (progress != null) {
                        progress.accept(1);
                    }
                    final double v = objective(solves.get(u, exec), aim);
                    phase.offer(u, v);
                    return v;
                };
        final MultivariateFunction f = objective.apply(seen[0], helpers);
        final double[] lo = new double[n];
        final double[] hi = new double[n];
        java.util.Arrays.fill(hi, 1);
        final SimpleBounds bounds = new SimpleBounds(lo, hi);
        PointValuePair best = new PointValuePair(family.start(), f.value(family.start()));
        // global: CMA-ES on the unit box, a third of the budget; each generation's candidates are solved side by side
        // on the helpers (the caller takes those not yet started), then counted and offered in candidate order. The
        // solves themselves are unshared: a solve alone runs its two time steps in lockstep, sharing a third of the
        // rate evaluations, which splitting it between threads gives up (measured: 15 % more CPU on 2 threads)
        if (n >= 2) {
            final MultivariateFunction solved = objective.apply(seen[0], null);   // after the prefetch: all done
            final CovarianceMatrixAdaptation.Best g = CovarianceMatrixAdaptation.minimize(points -> {
                solves.prefetch(java.util.Arrays.asList(points), helpers);
                return java.util.Arrays.stream(points).mapToDouble(solved::value).toArray();
            }, family.start(), 0.3, CovarianceMatrixAdaptation.defaultPopulation(n), s.evaluations() / 3, s.seed());
            best = LocalSearch.better(best, new PointValuePair(g.point(), g.value()));
            // local: BOBYQA from the best point and from the start, independent searches; with helpers the second
            // is handed to them and runs beside the first (or after it, on the caller, if no helper took it); their
            // solves are unshared, as the global search's
            final double[] fromBest = LocalSearch.clampUnit(best.getPoint());
            final double[] fromStart = LocalSearch.clampUnit(family.start());
            if (helpers != null) {
                // BOBYQA's first 2n + 1 points do not depend on the values there (Powell 2009, PRELIM): both searches'
                // are solved side by side first, and the searches find them done
                final java.util.List<double[]> first = new java.util.ArrayList<>(LocalSearch.initialPoints(fromBest, LOCAL_RADIUS));
                first.addAll(LocalSearch.initialPoints(fromStart, LOCAL_RADIUS));
                solves.prefetch(first, helpers);
            }
            final java.util.concurrent.FutureTask<PointValuePair> second = new java.util.concurrent.FutureTask<>(
                    () -> LocalSearch.localSearch(objective.apply(seen[2], null), fromStart, bounds, n, s));
            if (helpers != null) {
                helpers.execute(second);
            }
            best = LocalSearch.better(best, LocalSearch.localSearch(objective.apply(seen[1], null), fromBest, bounds, n, s));
            best = LocalSearch.better(best, org.erasure.util.Futures.runOrGet(second));
        } else {
            final org.apache.commons.math3.optim.univariate.UnivariatePointValuePair p =
                    new org.apache.commons.math3.optim.univariate.BrentOptimizer(1e-8, 1e-10).optimize(
                            new MaxEval(s.evaluations()), GoalType.MINIMIZE,
                            new org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction(
                                    x -> f.value(new double[] {x})),
                            new org.apache.commons.math3.optim.univariate.SearchInterval(0, 1, family.start()[0]));
            best = LocalSearch.better(best, new PointValuePair(new double[] {p.getPoint()}, p.getValue()));
        }
        final SeenBest all = new SeenBest();
        for (SeenBest phase : seen) {
            all.offer(phase.point == null ? family.start() : phase.point, phase.value);
        }
        best = LocalSearch.better(best, new PointValuePair(all.point, all.value));
        final double[] bestPoint = best.getPoint();
        final FokkerPlanckResult searched = solves.get(bestPoint, helpers);
        if (searched == null) {
            throw new IllegalStateException("no candidate of the search could be solved (" + solves.unsolved()
                    + " failed); the first: " + solves.firstUnsolved());
        }
        final ProtocolFamily.Member m = family.member(bestPoint);
        final FokkerPlanckSolution v = OptimumVerification.verify(solves.problem(m), s, helpers);
        final FokkerPlanckResult r = v.result();
        final boolean feasible = targetError >= 1 || r.error() <= targetError * (1 + 1e-9);
        return new Optimum(bestPoint, m, v, searched,
                feasible, count.get(),
                OptimumVerification.fault(r, OptimumVerification.isSymmetricErasure(m)));
    }

    /** BOBYQA's initial trust-region radius in the unit box. */
    static final double LOCAL_RADIUS = 0.15;


    /** The solution of {@code problem} on the verification grid, refined while outside the tolerance. */
    public static FokkerPlanckSolution verify(ErasureProblem problem, Settings s) {
        return OptimumVerification.verify(problem, s);
    }

    /** As {@link #verify(ErasureProblem, Settings)}, the two resolutions on {@code helpers}. */
    public static FokkerPlanckSolution verify(ErasureProblem problem, Settings s, java.util.concurrent.Executor helpers) {
        return OptimumVerification.verify(problem, s, helpers);
    }

    /** Whether a member erases symmetrically (see {@link OptimumVerification#isSymmetricErasure}). */
    public static boolean isSymmetricErasure(ProtocolFamily.Member m) {
        return OptimumVerification.isSymmetricErasure(m);
    }

    /** What rules a solved protocol out, or empty (see {@link OptimumVerification#fault}). */
    public static String fault(FokkerPlanckResult r, boolean symmetricErasure) {
        return OptimumVerification.fault(r, symmetricErasure);
    }

    static java.util.List<double[]> initialPoints(double[] x0, double rho) {
        return LocalSearch.initialPoints(x0, rho);
    }
}
