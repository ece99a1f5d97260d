package org.erasure;

import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.TimeStepRefinement;
import org.erasure.rare.AmsTimeStep;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.Histogram;
import org.erasure.stats.Recording;

/**
 * What {@link Erasure#simulate(ErasureRun, RunOptions)} returns: the Monte Carlo run judged against its time-step
 * tolerance, the splitting estimate where the run asked for one, the finite-time bound of the same protocol, what was
 * recorded, and the costs. The result writers of {@code io} turn it into the summary row and the terminal report.
 *
 * @param run                  the run as asked
 * @param monteCarlo           direct sampling with its time-step error ({@code dt: auto}'s last run)
 * @param splitting            the splitting estimate with its time-step error, or null
 * @param finiteTimeBound      the Fokker–Planck solution that gives ΔF + W₂²/τ, or null where the solver does not
 *                             apply (underdamped dynamics, a fixed start)
 * @param wallSeconds          wall time of the direct sampling (all its runs)
 * @param splittingWallSeconds wall time of the splitting, NaN without
 * @param particleSteps        particle-steps of every direct-sampling run made (the coupled paths aside)
 * @param recording            what was recorded of the reported run, or null
 * @param threads              worker threads used
 */
public record SimulationReport(ErasureRun run, TimeStepRefinement.Outcome monteCarlo, AmsTimeStep.Outcome splitting,
                               FokkerPlanckSolution finiteTimeBound, double wallSeconds, double splittingWallSeconds,
                               long particleSteps, Recording recording, int threads) {

    /** The tallies of the reported run. */
    ErasureTally tally() {
        return monteCarlo.tally();
    }

    /** The reported run (its step is dt: auto's last). */
    LangevinRun langevinRun() {
        return monteCarlo.run();
    }

    /** The work histogram of the reported run, or null when none was asked for. */
    public Histogram workHistogram() {
        return tally().workHistogram();
    }

    /** Trajectories of the reported run. */
    public long trajectories() {
        return tally().trajectories();
    }

    /** The base seed. */
    public long seed() {
        return langevinRun().seed();
    }

    /** The step of the reported run (τ_D): with {@code dt: auto}, the last one tried. */
    public double dtUsed() {
        return langevinRun().effectiveDt();
    }

    /** Whether there is a splitting estimate. */
    public boolean hasSplitting() {
        return splitting != null;
    }
}
