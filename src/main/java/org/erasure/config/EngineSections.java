package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.langevin.TimeStepTolerance;
import org.erasure.rare.AmsSettings;
import org.erasure.rare.Score;
import org.erasure.physics.PhysicalUnits;
import org.erasure.stats.Histogram;

/**
 * Readers of the sections that say how the engines run: the time-step tolerance of dynamics, and rare_event.
 */
final class EngineSections {

    private EngineSections() {
    }

    /**
     * rare_event: {method: none | ams, replicas, kill_fraction, repetitions, score: auto | committor | distance,
     * score_power}; 'auto' is the committor.
     */
    static Optional<AmsSettings> readRareEvent(ConfigNode re, long seed) {
        final String method = re.text("method", "none");
        if (method.equals("none")) {
            re.finish();
            return Optional.empty();
        }
        if (!method.equals("ams")) {
            throw re.error("'" + re.key("method") + "' must be none or ams (adaptive multilevel splitting), got '"
                    + method + "'");
        }
        final long replicas = re.integer("replicas", AmsSettings.DEFAULT_REPLICAS);
        final double kill = re.number("kill_fraction", AmsSettings.DEFAULT_KILL_FRACTION);
        final long repetitions = re.integer("repetitions", AmsSettings.DEFAULT_REPETITIONS);
        final String scoreName = re.text("score", "auto");
        final double power = re.number("score_power", Score.DEFAULT_POWER);
        re.finish();
        final Score score;
        switch (scoreName) {
            case "auto":
                score = Score.auto();
                break;
            case "committor":
                score = Score.committor();
                break;
            case "distance":
                score = Score.timeWeightedDistance(power);
                break;
            case "phase-space":
                score = Score.phaseSpaceCommittor();
                break;
            default:
                throw re.error("'" + re.key("score") + "' must be auto, committor, phase-space or distance, got '"
                        + scoreName + "'");
        }
        if (replicas > 1_000_000 || repetitions > 1_000_000) {
            throw re.error("'" + re.key("replicas") + "' and '" + re.key("repetitions") + "' must be at most 1e6");
        }
        try {
            return Optional.of(new AmsSettings((int) replicas, kill, (int) repetitions, seed, score,
                    AmsSettings.DEFAULT_MAX_ITERATIONS));
        } catch (IllegalArgumentException e) {
            throw re.error("'rare_event': " + e.getMessage());
        }
    }

    /** dynamics.timestep_tolerance: {error_rate_relative (default 0.1), energy_kT (default 1e-3)}. */
    static TimeStepTolerance readTolerance(ConfigNode dyn) {
        if (!dyn.has("timestep_tolerance")) {
            return TimeStepTolerance.defaults();
        }
        final ConfigNode t = dyn.child("timestep_tolerance");
        final double rel = t.number("error_rate_relative", TimeStepTolerance.DEFAULT_ERROR_RATE_RELATIVE);
        final double energy = t.number("energy_kT", TimeStepTolerance.DEFAULT_ENERGY_KT);
        t.finish();
        try {
            return new TimeStepTolerance(rel, energy);
        } catch (IllegalArgumentException e) {
            throw t.error("'" + dyn.key("timestep_tolerance") + "': " + e.getMessage());
        }
    }

    /** simulation: trajectories, seed, work_histogram. */
    record Simulation(long trajectories, long seed, Histogram workHistogram) {
    }

    static Simulation readSimulation(ConfigNode sim) {
        final long trajectories = sim.integer("trajectories", 10_000);
        if (trajectories <= 0) {
            throw sim.error("'" + sim.key("trajectories") + "' must be positive, got " + trajectories);
        }
        final long seed = sim.integer("seed", 1);
        Histogram hist = null;
        if (sim.has("work_histogram")) {
            final ConfigNode h = sim.child("work_histogram");
            final double min = h.number("min_kT");
            final double max = h.number("max_kT");
            final long bins = h.integer("bins", 100);
            if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min) || bins <= 0 || bins > 1_000_000) {
                throw h.error("'simulation.work_histogram' needs finite min_kT < max_kT and 0 < bins <= 1e6, got "
                        + "min_kT = " + min + ", max_kT = " + max + ", bins = " + bins);
            }
            h.finish();
            hist = new Histogram(min, max, (int) bins);
        }
        sim.finish();
        return new Simulation(trajectories, seed, hist);
    }

    /**
     * fokker_planck: cells, dt (or time_steps), snapshots, time_order, and for underdamped dynamics (the phase-space
     * solver) velocity_cells and velocity_reach. The step is NaN where it follows the Monte Carlo step of dt: auto, known only once the
     * problem is.
     */
    record FokkerPlanck(int cells, double dt, int timeOrder, double[] snapshots, int velocityCells,
                        double velocityReach) {
    }

    static FokkerPlanck readFokkerPlanck(ConfigNode fp, PhysicalUnits units, double tau, boolean autoDt, double dt,
                                         boolean underdamped) {
        final long cells = fp.integer("cells", underdamped ? FokkerPlanckSettings.DEFAULT_PHASE_SPACE_CELLS
                : FokkerPlanckSettings.DEFAULT_CELLS);
        if (cells < 40 || cells > FokkerPlanckSettings.MAX_CELLS) {
            throw fp.error("'" + fp.key("cells") + "' must lie in [40, 1e7], got " + cells);
        }
        double fpDt = ProblemSections.readTime(fp, "dt", units, false);
        if (fp.has("time_steps")) {
            if (!Double.isNaN(fpDt)) {
                throw fp.error("give either '" + fp.key("dt") + "' or '" + fp.key("time_steps") + "', not both");
            }
            final long steps = fp.integer("time_steps", 0);
            if (steps < 1 || steps > 100_000_000) {
                throw fp.error("'" + fp.key("time_steps") + "' must lie in [1, 1e8], got " + steps);
            }
            fpDt = tau / steps;
        }
        if (Double.isNaN(fpDt)) {
            // the Monte Carlo step, but no finer than tau / DEFAULT_MAX_TIME_STEPS: the implicit scheme needs no
            // stability margin, and the numerical error reported beside every value says whether it suffices
            // (with dt: auto, the step auto starts from; set below, once the problem is known)
            fpDt = autoDt ? Double.NaN : Math.max(dt, tau / FokkerPlanckSettings.DEFAULT_MAX_TIME_STEPS);
        }
        double[] snapshots = {0, 0.25, 0.5, 0.75, 1};
        if (fp.has("snapshots")) {
            final JsonNode sn = fp.raw("snapshots");
            if (!sn.isArray() || sn.isEmpty() || sn.size() > 100) {
                throw fp.error("'" + fp.key("snapshots") + "' must be a list of 1 to 100 fractions of tau in [0, 1]");
            }
            snapshots = new double[sn.size()];
            for (int i = 0; i < sn.size(); i++) {
                snapshots[i] = sn.get(i).asDouble(Double.NaN);
                if (!sn.get(i).isNumber() || !(snapshots[i] >= 0 && snapshots[i] <= 1)) {
                    throw fp.error("'" + fp.key("snapshots") + "' must hold fractions of tau in [0, 1], got '"
                            + sn.get(i).asText() + "'");
                }
            }
        }
        final long order = fp.integer("time_order", underdamped ? 1 : 2);
        if (order != 1 && order != 2) {
            throw fp.error("'" + fp.key("time_order") + "' must be 1 (backward Euler) or 2 (Richardson), got " + order);
        }
        if (underdamped && order != 1) {
            throw fp.error("'" + fp.key("time_order") + "' = 2 (Richardson) is for overdamped dynamics; the phase-space "
                    + "solver of underdamped dynamics is first order in the control steps");
        }
        if (fp.has("velocity_cells") && !underdamped) {
            throw fp.error("'" + fp.key("velocity_cells") + "' applies to underdamped dynamics only (the phase-space "
                    + "solver)");
        }
        final long vCells = fp.integer("velocity_cells", FokkerPlanckSettings.DEFAULT_VELOCITY_CELLS);
        if (vCells < 16 || vCells > 100_000 || vCells % 4 != 0) {
            throw fp.error("'" + fp.key("velocity_cells") + "' must be a multiple of 4 in [16, 100000] (its check "
                    + "solve has half, an even number), got " + vCells);
        }
        if (fp.has("velocity_reach") && !underdamped) {
            throw fp.error("'" + fp.key("velocity_reach") + "' applies to underdamped dynamics only (the phase-space "
                    + "solver)");
        }
        final double reach = fp.number("velocity_reach", FokkerPlanckSettings.DEFAULT_VELOCITY_REACH);
        if (!FokkerPlanckSettings.isVelocityReach(reach)) {
            throw fp.error("'" + fp.key("velocity_reach") + "' (thermal velocities) must lie in ["
                    + FokkerPlanckSettings.MIN_VELOCITY_REACH + ", " + FokkerPlanckSettings.MAX_VELOCITY_REACH
                    + "], got " + reach);
        }
        fp.finish();
        return new FokkerPlanck((int) cells, fpDt, (int) order, snapshots, (int) vCells, reach);
    }
}
