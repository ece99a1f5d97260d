package org.erasure.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.erasure.ErasureRun;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.Dynamics;
import org.erasure.model.InitialState;
import org.erasure.physics.PhysicalUnits;

/**
 * The configuration a run actually used, every default filled in and {@code auto} resolved, for run.json beside the
 * configuration as given: what a reader needs to know what was computed without knowing the defaults.
 */
public final class ResolvedConfiguration {

    private ResolvedConfiguration() {
    }

    /**
     * The run's resolved values.
     *
     * @param dtUsed the Monte Carlo step of the run reported (τ_D; with {@code dt: auto} its last), or NaN where no
     *               Monte Carlo run was made
     */
    public static Map<String, Object> of(ErasureRun run, double dtUsed) {
        final Map<String, Object> r = new LinkedHashMap<>();
        final PhysicalUnits u = run.units();
        r.put("name", run.name());
        r.put("temperature_K", u.temperatureK());
        r.put("tau_D_s", u.hasTimeScale() ? u.timeUnitS() : null);
        r.put("potential", run.potential().toString());
        r.put("protocol", run.protocol().toString());
        r.put("tau_tauD", run.protocol().duration());
        r.put("hold_tauD", run.problem().holdTime());
        r.put("target", run.problem().target().key());
        r.put("initial", run.problem().initial() instanceof InitialState.FixedPosition f
                ? (Object) f.x() : "equilibrium");
        r.put("dynamics", run.problem().dynamics() instanceof Dynamics.Underdamped ? "underdamped" : "overdamped");
        if (run.problem().dynamics() instanceof Dynamics.Underdamped d) {
            r.put("mass_reduced", d.mass());
        }
        final MonteCarloSettings mc = run.monteCarlo();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("integrator", mc.integrator().key());
        m.put("dt_choice", mc.autoDt() ? "auto" : "given");
        m.put("dt_start_tauD", mc.dt());
        m.put("dt_used_tauD", Double.isFinite(dtUsed) ? dtUsed : null);
        m.put("trajectories", mc.trajectories());
        m.put("seed", mc.seed());
        m.put("timestep_tolerance_error_rate_relative", mc.tolerance().errorRateRelative());
        m.put("timestep_tolerance_energy_kT", mc.tolerance().energyKT());
        if (mc.workHistogram() != null) {
            final Map<String, Object> h = new LinkedHashMap<>();
            h.put("min_kT", mc.workHistogram().min());
            h.put("max_kT", mc.workHistogram().max());
            h.put("bins", mc.workHistogram().bins());
            m.put("work_histogram", h);
        }
        r.put("monte_carlo", m);
        final FokkerPlanckSettings fp = run.fokkerPlanck();
        final Map<String, Object> f = new LinkedHashMap<>();
        f.put("cells", fp.cells());
        f.put("time_steps", fp.timeSteps());
        f.put("time_order", fp.timeOrder());
        f.put("snapshots", fp.snapshotFractions());
        if (run.problem().dynamics().isUnderdamped()) {
            f.put("velocity_cells", fp.velocityCells());    // the phase-space solver's
        }
        r.put("fokker_planck", f);
        run.rareEvent().ifPresent(a -> {
            final Map<String, Object> ams = new LinkedHashMap<>();
            ams.put("method", "ams");
            ams.put("replicas", a.replicas());
            ams.put("kill_fraction", a.killFraction());
            ams.put("repetitions", a.repetitions());
            ams.put("seed", a.seed());
            ams.put("score", a.score().toString());
            ams.put("max_iterations", a.maxIterations());
            r.put("rare_event", ams);
        });
        return r;
    }
}
