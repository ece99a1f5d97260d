package org.erasure.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.erasure.config.ErasureConfig;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.QuarticDoubleWell;

/** The summary row of one Fokker–Planck run: column name (with its unit) → value. */
public final class FokkerPlanckSummary {

    private FokkerPlanckSummary() {
    }

    public static Map<String, Object> columns(ErasureConfig config, FokkerPlanckResult r, double wall) {
        final PhysicalUnits units = config.units();
        final Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", config.name());
        c.put("engine", "fp");
        c.put("barrier_kT", config.potential() instanceof QuarticDoubleWell q ? q.barrierKT() : Double.NaN);
        c.put("tau_tauD", config.protocol().duration());
        c.put("dt_tauD", config.protocol().duration() / r.timeSteps());
        c.put("time_steps", r.timeSteps());
        c.put("cells", r.cells());
        c.put("time_order", config.fpTimeOrder());
        c.put("dx_xm", r.cellWidth());
        c.put("mean_work_kT", r.meanWork());
        c.put("mean_heat_kT", r.meanHeat());
        c.put("mean_delta_u_kT", r.meanDeltaU());
        c.put("error_rate", r.error());
        c.put("error_rate_from_left", r.errorFromLeft());
        c.put("error_rate_from_right", r.errorFromRight());
        c.put("landauer_bound_kT", ErasureBounds.generalizedLandauer(Math.min(1, Math.max(0, r.error()))));
        c.put("log_inverse_error_kT", r.error() > 0 ? -Math.log(r.error()) : Double.POSITIVE_INFINITY);
        c.put("free_energy_change_kT", r.freeEnergyChange());
        c.put("entropy_production_kT", r.entropyProduction());
        c.put("wasserstein2_xm", r.wasserstein2());
        c.put("finite_time_bound_kT", r.finiteTimeBound());
        c.put("quasi_static_work_kT", r.quasiStaticWork());
        c.put("temperature_K", units.temperatureK());
        c.put("mean_work_zJ", units.toZeptoJoule(r.meanWork()));
        c.put("mean_work_eV", units.toElectronVolt(r.meanWork()));
        c.put("tau_s", units.hasTimeScale() ? config.protocol().duration() * units.timeUnitS() : Double.NaN);
        c.put("wall_time_s", wall);
        c.put("cell_steps_per_s", (config.fpTimeOrder() == 2 ? 1.5 : 1.0) * 2.0 * r.cells() * r.timeSteps() / wall);
        return c;
    }
}
