package org.erasure.config;

import java.util.List;
import org.erasure.fokkerplanck.FokkerPlanckSettings;

/**
 * What the {@code claims} report computes (SPEC 5). Read by {@link org.erasure.config.ClaimsConfig}
 * from the embedded configs/claims.yaml (the defaults, documented there), with --quick's and a user's
 * overrides laid over it. All times in τ_D, energies in kT.
 *
 * @param temperatureK       bath temperature (K), for physical units in the report
 * @param approachBarrier    E_b of experiment 1 (kT)
 * @param approachGMin       g_min of experiment 1
 * @param approachTilt       F_max of experiment 1 (kT)
 * @param approachTaus       protocol durations of experiment 1 (≥ 3 decades)
 * @param mcTaus             durations at which Monte Carlo confirms experiment 1
 * @param mcTrajectories     trajectories of each Monte Carlo confirmation
 * @param frontierTaus       durations of experiment 2
 * @param frontierErrors     error targets of experiment 2
 * @param barrierRange       barrier range searched by the optimiser {lo, hi} (kT)
 * @param maxTilt            largest tilt the optimiser may use (kT)
 * @param evaluations        objective evaluations per optimisation
 * @param mcCheckError       error target at which Monte Carlo confirms the frontier (resolvable by sampling)
 * @param mcCheckTau         duration of that confirmation
 * @param amsReplicas        replicas of the splitting that confirms a frontier point at ε ≤ 1e-15
 * @param amsRepetitions     its repetitions per bit value
 * @param holdTimes          storage times of experiment 3 (τ_D)
 * @param storeErrors        error probabilities of experiment 3
 * @param storeEraseTau      duration of the erasures of experiment 3
 * @param crossoverSteps     optimisations per error target that narrow the bracket of τ* (experiment 4)
 * @param classHoldTime      experiment 5: both protocol classes end with the barrier that keeps a bit this long
 *                           (τ_D) at ε/2, and ε is judged after this hold
 * @param classErrors        experiment 5's error targets
 * @param classTaus          experiment 5's durations
 * @param efficiencies       the controller's recovery efficiencies η at which W_η is tabulated
 * @param cells              Fokker–Planck cells of the search grid (the optimisers' objective, never tabulated)
 * @param timeSteps          Fokker–Planck time steps of the search grid (second order)
 * @param verifyCells        cells of the verification grid every tabulated value is solved on (≥ cells)
 * @param verifyTimeSteps    time steps of the verification grid (second order; ≥ timeSteps)
 * @param refinements        how many times a verification grid may be doubled again while outside the tolerance
 * @param seed               base seed
 * @param cantilever         experiment 6, the underdamped cantilever
 * @param rich               the rich (spline) family beside every frontier point (issue 26; off where nodes is 0)
 */
public record ClaimsSettings(double temperatureK, double approachBarrier, double approachGMin, double approachTilt,
                             List<Double> approachTaus, List<Double> mcTaus, long mcTrajectories,
                             List<Double> frontierTaus, List<Double> frontierErrors, double[] barrierRange,
                             double maxTilt, int evaluations, double mcCheckError, double mcCheckTau,
                             int amsReplicas, int amsRepetitions,
                             List<Double> holdTimes, List<Double> storeErrors, double storeEraseTau,
                             int crossoverSteps, double classHoldTime, List<Double> classErrors, List<Double> classTaus,
                             List<Double> efficiencies, int cells,
                             int timeSteps, int verifyCells, int verifyTimeSteps, int refinements, long seed,
                             Cantilever cantilever, Rich rich) {

    /**
     * The spline family beside every frontier point, searched with exact gradients from the four-step optimum.
     *
     * @param nodes       interior nodes of each control (0: not run)
     * @param starts      starts of each search (the four-step optimum, then smooth perturbations of it)
     * @param evaluations gradient evaluations a start (and as many again per start polished in a polishing round)
     */
    public record Rich(int nodes, int starts, int evaluations) {

        void validate() {
            if (nodes < 0 || nodes > 1000 || starts < 1 || starts > 100 || evaluations < 10) {
                throw new IllegalArgumentException("need frontier.rich_nodes in 0..1000 (0: no rich family), "
                        + "rich_starts in 1..100, rich_evaluations >= 10");
            }
        }
    }

    /**
     * Experiment 6 of SPEC 5: the micro-cantilever of configs/cantilever.yaml on the phase-space (Klein–Kramers)
     * solver.
     *
     * @param periods        durations of the preset's protocol, in oscillation periods
     * @param cells          position cells of every phase-space solve (its numerical error from half of each)
     * @param velocityCells  velocity cells (even)
     * @param velocityReach  the velocity grid's bound in thermal velocities (the edge probability says if it held)
     * @param timeSteps      control steps over the protocol (first order; a hold runs on the same step)
     * @param mcTrajectories trajectories of the Monte Carlo runs of the published-protocol comparison
     */
    public record Cantilever(List<Double> periods, int cells, int velocityCells, double velocityReach, int timeSteps,
                             long mcTrajectories) {

        void validate() {
            for (double p : periods) {
                if (!(p > 0 && p <= 1000)) {
                    throw new IllegalArgumentException("'cantilever.periods' must lie in (0, 1000], got " + p);
                }
            }
            if (cells < 40 || velocityCells < 16 || velocityCells % 2 != 0 || timeSteps < 10 || mcTrajectories < 1000
                    || !FokkerPlanckSettings.isVelocityReach(velocityReach)) {
                throw new IllegalArgumentException("need cantilever.cells >= 40, velocity_cells >= 16 and even, "
                        + "velocity_reach in [8, 64], time_steps >= 10, mc_trajectories >= 1000");
            }
        }
    }

    /** Checks the values (their presence and types the reader has checked). */
    public void validate() {
        if (!(temperatureK > 0)) {
            throw new IllegalArgumentException("'temperature_K' must be positive");
        }
        if (approachTaus.size() < 3) {
            throw new IllegalArgumentException("'approach.tau' needs at least 3 durations for the W_inf + B/tau fit");
        }
        for (List<Double> l : List.of(approachTaus, mcTaus, frontierTaus, holdTimes, classTaus, List.of(classHoldTime))) {
            for (double v : l) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("durations must be positive, got " + v);
                }
            }
        }
        for (double eta : efficiencies) {
            if (!(eta >= 0 && eta <= 1)) {
                throw new IllegalArgumentException("recovery efficiencies must lie in [0, 1], got " + eta);
            }
        }
        if (refinements < 0 || refinements > 4) {
            throw new IllegalArgumentException("'fokker_planck.refinements' must lie in 0..4, got " + refinements);
        }
        if (verifyCells < cells || verifyTimeSteps < timeSteps) {
            throw new IllegalArgumentException("the verification grid (fokker_planck.verify_cells = " + verifyCells
                    + ", verify_time_steps = " + verifyTimeSteps + ") must be at least as fine as the search grid (cells = "
                    + cells + ", time_steps = " + timeSteps + ")");
        }
        if (crossoverSteps < 0) {
            throw new IllegalArgumentException("'frontier.crossover_steps' must be >= 0, got " + crossoverSteps);
        }
        for (List<Double> l : List.of(frontierErrors, storeErrors, classErrors)) {
            for (double v : l) {
                if (!(v > 0 && v < 0.5)) {
                    throw new IllegalArgumentException("error probabilities must lie in (0, 0.5), got " + v);
                }
            }
        }
        cantilever.validate();
        rich.validate();
        if (!(approachGMin >= 0 && approachGMin <= 1) || !(approachBarrier > 0) || evaluations < 10 || cells < 40
                || timeSteps < 10 || mcTrajectories < 1 || seed < 0 || amsReplicas < 2 || amsRepetitions < 2) {
            throw new IllegalArgumentException("need 0 <= g_min <= 1, barrier > 0, evaluations >= 10, cells >= 40, "
                    + "time_steps >= 10, mc_trajectories >= 1, seed >= 0, ams_replicas >= 2, ams_repetitions >= 2");
        }
    }
}
