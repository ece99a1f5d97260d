package org.erasure.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolver;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.TargetWell;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.stats.Histogram;

/**
 * A validated erasure configuration (SPEC 4.2): the model in reduced units plus the physical
 * units it maps to. Built only by {@link ConfigLoader}; {@link #tree()} is the exact configuration
 * after command-line overrides, as recorded in run.json.
 *
 * @param name            run name; the default output folder is results/&lt;name&gt;/
 * @param units           temperature and, optionally, SI length and time scales
 * @param potential       the double well
 * @param protocol        the control schedule
 * @param target          the well that counts as correct
 * @param integrator      overdamped integrator
 * @param dt              time step in τ_D
 * @param initialPosition NaN for equilibrium, else a fixed start position in x_m
 * @param trajectories    Monte Carlo trajectories
 * @param seed            base seed
 * @param workHistogram   work histogram template (kT), or null
 * @param fpCells         Fokker–Planck grid cells
 * @param fpDt            Fokker–Planck time step in τ_D
 * @param fpTimeOrder     1 (backward Euler) or 2 (Richardson-extrapolated backward Euler)
 * @param fpSnapshots     times (fractions of τ) of the density snapshots written by fokker-planck
 * @param mass            reduced mass for underdamped dynamics (NaN when overdamped)
 * @param holdTime        hold at the final controls after the protocol (τ_D)
 * @param tree            the configuration as read, overrides applied
 */
public record ErasureConfig(String name, PhysicalUnits units, Potential potential, Protocol protocol,
                            TargetWell target, Integrator integrator, double dt, double initialPosition,
                            long trajectories, long seed, Histogram workHistogram, int fpCells, double fpDt, int fpTimeOrder, double[] fpSnapshots, double mass, double holdTime,
                            JsonNode tree) {

    public ErasureConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(units);
        Objects.requireNonNull(potential);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(target);
        Objects.requireNonNull(integrator);
        Objects.requireNonNull(tree);
    }

    /** Refuses configurations the overdamped Fokker–Planck solver cannot represent. */
    public void requireOverdamped(String what) {
        if (integrator.underdamped()) {
            throw new ConfigException(name + ": " + what + " solves overdamped dynamics; this configuration is "
                    + "underdamped (dynamics.model) - use simulate, or set dynamics.model=overdamped");
        }
    }

    /** The Fokker–Planck solution of this configuration, at the configured grid, step and time order. */
    public FokkerPlanckResult solveFokkerPlanck() {
        requireOverdamped("the Fokker-Planck solver");
        return fpTimeOrder == 2
                ? FokkerPlanckSolver.solveSecondOrder(potential, protocol, target, fpCells, fpDt, fpSnapshots)
                : FokkerPlanckSolver.solve(potential, protocol, target, fpCells, fpDt, fpSnapshots);
    }

    /** The Monte Carlo run this configuration describes. */
    public LangevinRun toRun() {
        return new LangevinRun(potential, protocol, integrator, dt, trajectories, seed, target, initialPosition,
                workHistogram, mass, holdTime);
    }
}
