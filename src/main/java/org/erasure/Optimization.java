package org.erasure;

import org.erasure.model.ErasureProblem;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.optimize.GradientOptimizer;
import org.erasure.optimize.KeyframeFamily;
import org.erasure.optimize.OptimalField;
import org.erasure.optimize.ProtocolOptimizer;

/**
 * The facade of the optimisation beyond {@link Erasure#optimize}'s derivative-free search (issue 26): the rich
 * family searched with exact gradients, and the full-control optimum realised as a field protocol.
 */
public final class Optimization {

    private Optimization() {
    }

    /** Frames of {@link #optimalField}. */
    public static final int OPTIMAL_FIELD_FRAMES = 201;
    /** Grid points of {@link #optimalField}: with the frames, about 12 MB as a field file. */
    public static final int OPTIMAL_FIELD_POINTS = 1001;

    /**
     * The problem with its protocol replaced by the full-control optimum's potential U(x, t) at error {@code eps},
     * tabulated ({@link OptimalField}: {@value #OPTIMAL_FIELD_FRAMES} frames on {@value #OPTIMAL_FIELD_POINTS}
     * points); an engine running it does W_min's work, to the tabulation's error. Throws IllegalArgumentException or
     * UnsupportedProblemException where the optimum is refused, IllegalStateException where it does not converge.
     */
    public static ErasureProblem optimalField(ErasureProblem problem, double eps) {
        return OptimalField.of(problem, eps, 2000, OPTIMAL_FIELD_FRAMES, OPTIMAL_FIELD_POINTS);
    }

    /**
     * The spread of the gradient search's starts, (max − min)/min of their ⟨W⟩, above which the starts more than this
     * above the least go on from their best points (issue 26: the optimum must not depend on the seed, spread ≤ 1 %
     * over five starts).
     */
    public static final double SPREAD_TARGET = 0.01;

    /**
     * Rounds of that polishing at most, each another --evaluations per start polished (3 left τ = 10 τ_D, ε ≤ 2e-22
     * of the claims-rich frontier at a spread of 1.14 %).
     */
    public static final int POLISH_ROUNDS = 5;

    /**
     * Minimises ⟨W⟩ over a rich keyframes family subject to ε ≤ targetError by exact gradients (the Fokker–Planck
     * adjoint, an augmented Lagrangian, projected L-BFGS) from {@code starts} starts of {@code settings.evaluations()}
     * gradient evaluations each, and up to as many again to move the aim where the verified ε misses; progress in
     * evaluations. No hold (the adjoint covers the protocol only).
     */
    public static OptimizationReport byGradient(ErasureRun run, KeyframeFamily family, double targetError,
                                                ProtocolOptimizer.Settings settings, int starts, RunOptions options) {
        if (run.problem().hasHold()) {
            throw new IllegalArgumentException("the gradient optimiser (family spline) judges eps at the protocol's "
                    + "end; remove protocol.hold or use --family four-step or keyframes");
        }
        if (run.problem().dynamics().isUnderdamped()) {
            throw new IllegalArgumentException("the gradient optimiser (family spline) differentiates the overdamped "
                    + "Fokker-Planck solve; this configuration is underdamped");
        }
        if (!(run.problem().initial() instanceof org.erasure.model.InitialState.Equilibrium)) {
            throw new IllegalArgumentException("the gradient optimiser (family spline) starts from equilibrium, not "
                    + "from " + run.problem().initial());
        }
        if (starts < 1 || starts > 100) {
            throw new IllegalArgumentException("--starts must lie in 1..100, got " + starts);
        }
        final long t0 = System.nanoTime();
        final GradientOptimizer.Result r;
        // the most it may take: every start, the polishing rounds, the verification's continuation and the draws of
        // the perturbed starts
        final long budget = (long) (starts * (1 + POLISH_ROUNDS) + 1) * settings.evaluations()
                + (long) (starts - 1) * GradientOptimizer.PERTURBATION_DRAWS;
        try (RunListener.Stage stage = options.listener().stage("optimize", budget, "evaluations")) {
            r = GradientOptimizer.minimize(family, targetError, run.problem().target(), settings, starts,
                    settings.evaluations(), SPREAD_TARGET, POLISH_ROUNDS, stage::advance);
        }
        final ProtocolOptimizer.Optimum opt = r.optimum();
        final double wall = (System.nanoTime() - t0) * 1e-9;
        final String[] why = {""};
        final FullControlOptimum.Result full = Erasure.fullControl(ErasureProblem.of(opt.member().potential(),
                opt.member().protocol()).withTarget(run.problem().target()), targetError, why);
        return new OptimizationReport(run, family, settings, targetError, opt, wall, full, full == null ? why[0] : "",
                r.startWork(), r.startVerifiedWork(), r.polishRounds(), "");
    }
}
