package org.erasure.io;

import org.erasure.ErasureRun;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.QuarticDoubleWell;

/**
 * The summary row of one Fokker–Planck run: column name (with its unit) → value. Every value the solver
 * computes is followed by its numerical error ({@code ..._numerical_error...}: the difference to the
 * solution at half the resolution); {@code numerical_warning} says in words which values exceed the
 * tolerance (empty when none does).
 */
public final class FokkerPlanckSummary {

    private FokkerPlanckSummary() {
    }

    /** The summary row of a {@code fokker-planck} run. */
    public static Table.Row columns(org.erasure.FokkerPlanckReport report) {
        return columns(report.run(), report.solution(), report.wallSeconds());
    }

    public static Table.Row columns(ErasureRun config, FokkerPlanckSolution s, double wall) {
        final FokkerPlanckResult r = s.result();
        final PhysicalUnits units = config.units();
        final double eps = ErasureBounds.requireProbability("error_rate", r.error());
        final Table.Row c = new Table.Row();
        c.put("name", config.name());
        c.put("engine", "fp");
        c.put("barrier_kT", config.potential() instanceof QuarticDoubleWell q ? q.barrierKT() : Double.NaN);
        c.put("tau_tauD", config.protocol().duration());
        c.put("dt_tauD", config.protocol().duration() / r.timeSteps());
        c.put("time_steps", r.timeSteps());
        c.put("cells", (long) r.cells());
        c.put("time_order", (long) s.settings().timeOrder());
        c.put("dx_" + config.potential().lengthUnitKey(), r.cellWidth());
        if (r.isPhaseSpace()) {
            final FokkerPlanckResult.PhaseSpace ps = r.phaseSpace();
            c.put("velocity_cells", (long) ps.velocityCells());
            c.put("dv_" + config.potential().lengthUnitKey() + "_per_tauD", 2 * ps.velocityBound() / ps.velocityCells());
            c.put("v_max_" + config.potential().lengthUnitKey() + "_per_tauD", ps.velocityBound());
            c.put("edge_probability", ps.edgeProbability());
            c.put("check_velocity_cells", (long) s.coarse().phaseSpace().velocityCells());
        }
        c.put("check_cells", (long) s.coarse().cells());
        c.put("check_time_steps", s.coarse().timeSteps());
        c.put("mean_work_kT", r.meanWork());
        c.put("mean_work_numerical_error_kT", s.workError());
        c.put("mean_work_plus_kT", r.meanWorkPlus());
        c.put("mean_work_plus_numerical_error_kT", s.workPlusError());
        c.put("mean_work_minus_kT", r.meanWorkMinus());
        c.put("mean_work_minus_numerical_error_kT", s.workMinusError());
        c.put("mean_heat_kT", r.meanHeat());
        c.put("mean_heat_numerical_error_kT", s.heatError());
        c.put("mean_delta_u_kT", r.meanDeltaU());
        c.put("mean_delta_u_numerical_error_kT", s.deltaUError());
        if (r.isPhaseSpace()) {
            c.put("mean_delta_kinetic_kT", r.meanDeltaK());
            c.put("mean_delta_kinetic_numerical_error_kT", s.deltaKError());
        }
        c.put("error_rate", eps);
        c.put("error_rate_numerical_error", s.errorRateError());
        if (r.holdSteps() > 0) {
            c.put("hold_tauD", s.settings().grid(config.problem()).holdTime());
            c.put("hold_steps", r.holdSteps());
            c.put("error_rate_at_protocol_end",
                    ErasureBounds.requireProbability("error_rate_at_protocol_end", r.errorAtProtocolEnd()));
            c.put("error_rate_at_protocol_end_numerical_error", s.errorAtProtocolEndError());
        }
        c.put("error_rate_from_left", r.errorFromLeft());
        c.put("error_rate_from_right", r.errorFromRight());
        c.put("landauer_bound_kT", ErasureBounds.generalizedLandauer(eps));
        c.put("log_inverse_error_kT", ErasureBounds.logInverseError(eps));
        c.put("log_inverse_error_numerical_error_kT", s.logInverseErrorError());
        c.put("free_energy_change_kT", r.freeEnergyChange());
        c.put("free_energy_change_numerical_error_kT", s.freeEnergyChangeError());
        c.put("entropy_production_kT", r.entropyProduction());
        c.put("entropy_production_numerical_error_kT", s.entropyProductionError());
        if (!r.isPhaseSpace()) {     // ΔF + W₂²/τ bounds overdamped dynamics
            c.put("wasserstein2_" + config.potential().lengthUnitKey(), r.wasserstein2());
            c.put("finite_time_bound_kT", r.finiteTimeBound());
            c.put("finite_time_bound_numerical_error_kT", s.finiteTimeBoundError());
        }
        c.put("quasi_static_work_kT", r.quasiStaticWork());
        c.put("within_numerical_tolerance", s.withinTolerance());
        c.put("numerical_warning", String.join("; ", FokkerPlanckWarnings.of(s)));
        c.put("temperature_K", units.temperatureK());
        c.put("mean_work_zJ", units.toZeptoJoule(r.meanWork()));
        c.put("mean_work_eV", units.toElectronVolt(r.meanWork()));
        c.put("tau_s", units.hasTimeScale() ? config.protocol().duration() * units.timeUnitS() : Double.NaN);
        c.put("wall_time_s", wall);
        c.put("cell_steps_per_s", r.isPhaseSpace()
                ? 1.125 * s.settings().phaseSpaceCellSteps(s.settings().grid(config.problem())) / wall
                : 1.25 * s.settings().cellSteps(s.settings().grid(config.problem())) / wall);
        return c;
    }
}
