package org.erasure.io;

import org.erasure.ErasureRun;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.TimeStepError;
import org.erasure.langevin.TimeStepRefinement;
import org.erasure.rare.AmsTimeStep;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsValidity;
import org.erasure.stats.BinomialInterval;
import org.erasure.stats.ErasureTally;

/**
 * The summary row of one Monte Carlo run (SPEC 4.2): column name (with its unit) → value, in a
 * fixed order. The same map feeds summary.csv, run.json and the terminal report.
 */
public final class MonteCarloSummary {

    private MonteCarloSummary() {
    }

    /**
     * The error probability a run reports, with its intervals: the splitting estimate where there is one, else the
     * direct count. The one computation behind the summary row and the terminal report.
     *
     * @param rate          ε
     * @param ciLow         the 95 % interval of sampling (Clopper–Pearson, or the splitting's)
     * @param ciHigh        its upper end
     * @param timeStepError ε's time-step error (NaN where it could not be estimated)
     * @param totalLow      the interval widened by the time-step error, never below 0 (NaN without an estimate)
     * @param totalHigh     its upper end, never above 1
     */
    public record ReportedErrorRate(double rate, double ciLow, double ciHigh, double timeStepError, double totalLow,
                                    double totalHigh) {

        static ReportedErrorRate of(TimeStepRefinement.Outcome mc, AmsTimeStep.Outcome amsStep) {
            if (amsStep != null) {
                final AmsResult ams = amsStep.estimate();
                final double[] total = amsStep.totalInterval();
                return new ReportedErrorRate(ErasureBounds.requireProbability("error_rate", ams.errorRate()),
                        ams.ciLow(), ams.ciHigh(), amsStep.error(), total[0], total[1]);
            }
            final BinomialInterval err = mc.tally().errorInterval();
            final TimeStepError ts = mc.error();
            final double e = ts == null ? Double.NaN : ts.errorRate().error();
            return new ReportedErrorRate(err.rate(), err.low(), err.high(), e,
                    ts == null ? Double.NaN : Math.max(0, err.low() - e),
                    ts == null ? Double.NaN : Math.min(1, err.high() + e));
        }
    }

    /**
     * Words for a splitting estimate that cannot be vouched for by {@link AmsValidity}, or empty: underdamped dynamics
     * outside the range over which the score used has been checked against direct sampling, or a relative standard
     * error above {@link AmsValidity#TRUSTED_RELATIVE_ERROR}.
     */
    public static String amsWarning(LangevinRun run, AmsResult ams) {
        final AmsValidity v = AmsValidity.of(run, ams);
        final String range = rangeWarning(v);
        if (v.precise()) {
            return range;
        }
        final String spread = String.format(java.util.Locale.ROOT, "%sof uncertain precision: the relative standard error "
                + "is %.2g (> %.1f), so a few of the %d repetitions carry the estimate and its spread is itself poorly "
                + "known (splitting estimates are skewed: most repetitions fall low, rare ones high) - run more "
                + "repetitions", range.isEmpty() ? "" : "; ", v.relativeError(), AmsValidity.TRUSTED_RELATIVE_ERROR,
                v.repetitions());
        return range + spread;
    }

    private static String rangeWarning(AmsValidity v) {
        if (v.scoreValidated()) {
            return "";
        }
        if (v.phaseSpaceScore()) {
            final double[] r = AmsValidity.PHASE_SPACE_VALIDATED_QUALITY;
            return String.format(java.util.Locale.ROOT, "not validated: the "
                    + "phase-space committor score was checked (against direct sampling and the phase-space solver) for "
                    + "quality factors sqrt(U'' mu) from %.3g to %.3g, this problem's is %.3g - check it against "
                    + "fokker-planck, or direct sampling where eps is resolvable", r[0], r[1], v.quality());
        }
        return String.format(java.util.Locale.ROOT, "not validated: the dynamics "
                + "oscillate in the well (quality sqrt(U'' mu) = %.3g > %.0f) and the score %s is built on the overdamped "
                + "committor, which underestimated eps by up to 1000x against direct sampling on such a problem - use "
                + "rare_event.score: phase-space (or auto)", v.quality(), AmsValidity.VALIDATED_QUALITY, v.scoreKey());
    }

    /**
     * Words for values whose time-step error exceeds the tolerance (or could not be estimated), or empty: the
     * direct sampling's, and the splitting estimate's when there is one.
     */
    public static String timeStepWarning(TimeStepRefinement.Outcome mc, AmsTimeStep.Outcome ams) {
        final java.util.List<String> parts = new java.util.ArrayList<>(mc.violations());
        if (ams != null && ams.second() == null) {
            parts.add("splitting: time-step error not estimated");
        } else if (ams != null && !ams.withinTolerance()) {
            parts.add(String.format(java.util.Locale.ROOT, "splitting: the time-step error of ln eps is %.3g (+- %.2g) "
                    + "(eps %.3g at dt = %.3g and %.3g at %.3g tau_D)", ams.logDifference(), ams.logStderr(),
                    ams.estimate().errorRate(), ams.run().effectiveDt(), ams.second().errorRate(), ams.secondDt()));
        }
        return String.join("; ", parts);
    }

    /**
     * The summary row of a {@code simulate} run: {@link #columns(ErasureRun, TimeStepRefinement.Outcome, double,
     * FokkerPlanckSolution, AmsTimeStep.Outcome)} with the throughput of every direct-sampling run made (dt: auto's
     * refinements, the run at dt/2 where 2dt is unstable; the coupled paths aside) and the splitting's wall time.
     */
    public static Table.Row columns(org.erasure.SimulationReport r) {
        final Table.Row summary = columns(r.run(), r.monteCarlo(), r.wallSeconds(), r.finiteTimeBound(), r.splitting());
        summary.put("particle_steps_per_s", r.particleSteps() / r.wallSeconds());
        if (r.splitting() != null) {
            summary.put("ams_wall_time_s", r.splittingWallSeconds());
        }
        return summary;
    }

    /**
     * The summary row with every value's time-step error (SPEC 3.1): {@code *_timestep_error} beside each value (the
     * difference to the coupled run at 2dt, {@link TimeStepError}; for splitting, to a second estimate at 2dt,
     * {@link AmsTimeStep}), {@code error_total_ci_low/high} (the sampling interval widened by the time-step error),
     * {@code mean_work_total_error_kT} (standard error and time-step error in quadrature),
     * {@code within_timestep_tolerance} and {@code timestep_warning} in words. With a splitting estimate,
     * {@code error_rate}, its interval, {@code error_rate_stderr}, the per-bit rates and the bounds are the splitting
     * estimate's ({@code ams_iterations}, {@code ams_particle_steps} its cost), and the direct sampling's count and
     * interval stay beside them as {@code direct_error_rate}, {@code direct_error_ci_low}, {@code direct_error_ci_high}.
     *
     * @param finiteTimeBound the Fokker–Planck solution of the same problem's protocol, whose bound ΔF + W₂²/τ (kT) is
     *                        reported with its numerical error, or null (underdamped or fixed-start problems)
     * @param amsStep         the splitting estimate with its time-step error, or null
     */
    public static Table.Row columns(ErasureRun config, TimeStepRefinement.Outcome mc, double wallSeconds,
                                    FokkerPlanckSolution finiteTimeBound, AmsTimeStep.Outcome amsStep) {
        final LangevinRun run = mc.run();
        final ErasureTally t = mc.tally();
        final TimeStepError ts = mc.error();
        final AmsResult ams = amsStep == null ? null : amsStep.estimate();
        final PhysicalUnits units = config.units();
        final BinomialInterval err = t.errorInterval();
        final BinomialInterval left = t.errorInterval(0);
        final BinomialInterval right = t.errorInterval(1);
        final double eps = err.rate();
        final Table.Row c = new Table.Row();
        c.put("name", config.name());
        c.put("engine", "mc");
        c.put("integrator", run.integrator().key());
        c.put("barrier_kT", config.potential() instanceof QuarticDoubleWell q ? q.barrierKT() : Double.NaN);
        c.put("tau_tauD", run.problem().protocol().duration());
        c.put("dt_tauD", run.effectiveDt());
        c.put("time_steps", run.steps());
        c.put("trajectories", t.trajectories());
        c.put("seed", run.seed());
        c.put("dt_choice", config.monteCarlo().autoDt() ? "auto" : "given");
        c.put("mean_work_kT", t.work().mean());
        c.put("stderr_work_kT", t.work().standardError());
        c.put("mean_work_timestep_error_kT", ts == null ? Double.NaN : ts.work().error());
        c.put("mean_work_total_error_kT", ts == null ? Double.NaN : Math.hypot(t.work().standardError(), ts.work().error()));
        c.put("sd_work_kT", t.work().standardDeviation());
        c.put("mean_work_plus_kT", t.workPlus().mean());
        c.put("stderr_work_plus_kT", t.workPlus().standardError());
        c.put("mean_work_plus_timestep_error_kT", ts == null ? Double.NaN : ts.workPlus().error());
        c.put("mean_work_minus_kT", t.workMinus().mean());
        c.put("stderr_work_minus_kT", t.workMinus().standardError());
        c.put("mean_work_minus_timestep_error_kT", ts == null ? Double.NaN : ts.workMinus().error());
        c.put("mean_heat_kT", t.heat().mean());
        c.put("stderr_heat_kT", t.heat().standardError());
        c.put("mean_heat_timestep_error_kT", ts == null ? Double.NaN : ts.heat().error());
        c.put("mean_delta_u_kT", t.deltaU().mean());
        c.put("stderr_delta_u_kT", t.deltaU().standardError());
        if (run.integrator().underdamped()) {
            c.put("mean_delta_kinetic_kT", t.deltaK().mean());
            c.put("stderr_delta_kinetic_kT", t.deltaK().standardError());
            c.put("mass_reduced", run.mass());
        }
        c.put("mean_final_position_" + config.potential().lengthUnitKey(), t.finalPosition().mean());
        c.put("errors", t.errors());
        final double directStepError = ts == null ? Double.NaN : ts.errorRate().error();
        final String stepWarning = timeStepWarning(mc, amsStep);
        final ReportedErrorRate reported = ReportedErrorRate.of(mc, amsStep);
        c.put("error_rate", reported.rate());
        c.put("error_ci_low", reported.ciLow());
        c.put("error_ci_high", reported.ciHigh());
        c.put("error_rate_timestep_error", reported.timeStepError());
        if (ams != null) {
            c.put("log_error_rate_timestep_error", amsStep.logError());
        }
        c.put("error_total_ci_low", reported.totalLow());
        c.put("error_total_ci_high", reported.totalHigh());
        if (ams != null) {
            c.put("ams_second_dt_tauD", amsStep.secondDt());
            c.put("ams_error_rate_at_second_dt", amsStep.second() == null ? Double.NaN : amsStep.second().errorRate());
            c.put("error_rate_stderr", ams.standardError());
            c.put("ams_replicas", (long) ams.replicas());
            c.put("ams_repetitions", (long) ams.repetitions());
            c.put("ams_score", ams.score());
            c.put("ams_iterations", ams.iterations());
            c.put("ams_particle_steps", ams.particleSteps());
            c.put("direct_error_rate", eps);
            c.put("direct_error_ci_low", err.low());
            c.put("direct_error_ci_high", err.high());
            c.put("direct_error_rate_timestep_error", directStepError);
            c.put("ams_warning", amsWarning(run, ams));
        }
        if (run.holdTime() > 0) {
            final BinomialInterval end = BinomialInterval.clopperPearson(t.errorsAtProtocolEnd(), t.trajectories());
            c.put("hold_tauD", run.holdTime());
            c.put("error_rate_at_protocol_end", end.rate());
            c.put("error_ci_low_at_protocol_end", end.low());
            c.put("error_ci_high_at_protocol_end", end.high());
            c.put("error_rate_at_protocol_end_timestep_error", ts == null ? Double.NaN
                    : ts.errorRateAtProtocolEnd().error());
        }
        c.put("timestep_error_method", mc.method());
        c.put("within_timestep_tolerance", stepWarning.isEmpty());
        c.put("timestep_warning", stepWarning);
        c.put("timestep_tolerance_error_rate_relative", config.monteCarlo().tolerance().errorRateRelative());
        c.put("timestep_tolerance_energy_kT", config.monteCarlo().tolerance().energyKT());
        c.put("error_rate_from_left", ams != null ? ams.errorByBit()[0] : left == null ? Double.NaN : left.rate());
        c.put("error_rate_from_right", ams != null ? ams.errorByBit()[1] : right == null ? Double.NaN : right.rate());
        c.put("landauer_bound_kT", ErasureBounds.generalizedLandauer(reported.rate()));
        c.put("log_inverse_error_kT", ErasureBounds.logInverseError(reported.rate()));
        c.put("log_inverse_error_ci_high_kT", ErasureBounds.logInverseError(reported.ciHigh()));
        c.put("finite_time_bound_kT", finiteTimeBound == null ? Double.NaN : finiteTimeBound.result().finiteTimeBound());
        c.put("finite_time_bound_numerical_error_kT",
                finiteTimeBound == null ? Double.NaN : finiteTimeBound.finiteTimeBoundError());
        c.put("jarzynski_mean", t.jarzynski().mean());
        c.put("jarzynski_stderr", t.jarzynski().standardError());
        c.put("temperature_K", units.temperatureK());
        c.put("mean_work_zJ", units.toZeptoJoule(t.work().mean()));
        c.put("mean_work_eV", units.toElectronVolt(t.work().mean()));
        c.put("tau_s", units.hasTimeScale() ? run.problem().protocol().duration() * units.timeUnitS() : Double.NaN);
        c.put("wall_time_s", wallSeconds);
        c.put("particle_steps_per_s", (double) t.trajectories() * (run.steps() + run.holdSteps()) / wallSeconds);
        return c;
    }
}
