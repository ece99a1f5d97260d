package org.erasure;

import org.erasure.langevin.StabilityCheck;
import org.erasure.model.ErasureProblem;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.optimize.ProtocolOptimizer;

/**
 * What {@link Erasure#optimize} returns: the optimum found over a family, verified on a finer grid, with what was
 * asked and the cost.
 *
 * @param run         the run whose potential, target and hold the search used
 * @param family      the protocol family searched
 * @param settings    search and verification grids, evaluations, seed
 * @param targetError the error probability to reach (1: none)
 * @param optimum     the optimum with its verified solution
 * @param wallSeconds wall time of the search and verification
 * @param fullControl the full-control optimum at τ and the target for the optimum's storing potentials (null: not
 *                    computed, see {@code fullControlNote})
 * @param fullControlNote why it was not computed ("" when it was)
 * @param startWork   of a multi-start search, ⟨W⟩ each start reached on the search grid while meeting the target
 *                    (NaN: it did not); empty for a single search
 * @param startVerifiedWork the same starts' best points verified on the finer grid (NaN: none, or the verified ε misses
 *                    the target), by which the optimum was chosen; empty for a single search
 * @param polishRounds rounds in which the starts more than {@link Optimization#SPREAD_TARGET} above the least, or
 *                    missing the target, went on from their best points (0: none)
 * @param unsolvedNote the candidates the solver could not solve (scored as missing the target) and the first of them,
 *                    in words; "" when there were none
 */
public record OptimizationReport(ErasureRun run, ProtocolFamily family, ProtocolOptimizer.Settings settings,
                                 double targetError, ProtocolOptimizer.Optimum optimum, double wallSeconds,
                                 FullControlOptimum.Result fullControl, String fullControlNote, double[] startWork,
                                 double[] startVerifiedWork, int polishRounds, String unsolvedNote) {

    /** A single search (no starts to compare). */
    public OptimizationReport(ErasureRun run, ProtocolFamily family, ProtocolOptimizer.Settings settings,
                              double targetError, ProtocolOptimizer.Optimum optimum, double wallSeconds,
                              FullControlOptimum.Result fullControl, String fullControlNote, String unsolvedNote) {
        this(run, family, settings, targetError, optimum, wallSeconds, fullControl, fullControlNote, new double[0],
                new double[0], 0, unsolvedNote);
    }

    /** (max − min)/min of the starts' ⟨W⟩ that met the target; NaN for a single search or fewer than two. */
    public double startSpread() {
        return org.erasure.optimize.GradientOptimizer.spread(startWork);
    }

    /** The same of their verified values: how much the optimum depends on where the search started. */
    public double startVerifiedSpread() {
        return org.erasure.optimize.GradientOptimizer.spread(startVerifiedWork);
    }

    /** The optimised protocol as a run of its own (named &lt;name&gt;-optimized), on the grid that verified it. */
    public ErasureRun verifiedRun() {
        final ErasureProblem p = ErasureProblem.of(optimum.member().potential(), optimum.member().protocol())
                .withTarget(run.problem().target()).withHold(run.problem().holdTime()).withDynamics(run.problem().dynamics());
        return new ErasureRun(run.name() + "-optimized", run.units(), p, run.monteCarlo(),
                optimum.verified().settings(), run.rareEvent());
    }

    /** A tenth of the largest stable Monte Carlo step of the optimised protocol (simulate must accept its file). */
    public double stableDt() {
        return 0.1 * StabilityCheck.largestStableStep(ErasureProblem.of(optimum.member().potential(),
                optimum.member().protocol()));
    }
}
