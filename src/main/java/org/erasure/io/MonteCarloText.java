package org.erasure.io;

import java.io.PrintWriter;
import java.util.Locale;
import org.erasure.ErasureRun;
import org.erasure.SimulationReport;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.TimeStepError;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsTimeStep;
import org.erasure.stats.BinomialInterval;
import org.erasure.stats.ErasureTally;

/**
 * The terminal report of a Monte Carlo run ({@code simulate}), from the typed results: what is run before it starts,
 * and every value with its sampling and time-step errors beside the bounds after. The same values as the summary row
 * of {@link MonteCarloSummary}, computed the same way.
 */
public final class MonteCarloText {

    private MonteCarloText() {
    }

    /** The run as it will be made: dynamics, integrator, τ, the (first) step, trajectories, seed, threads. */
    public static void header(PrintWriter out, ErasureRun config, int threads) {
        final LangevinRun run = config.monteCarlo().run(config.problem());
        out.printf(Locale.ROOT, "simulate %s: %s %s, tau = %.4g tau_D, dt = %.3g tau_D (%d steps), "
                        + "%d trajectories, seed %d, %d thread%s%n", config.name(),
                run.integrator().underdamped() ? "underdamped (mass " + run.mass() + ")" : "overdamped",
                run.integrator().key(),
                run.problem().protocol().duration(), run.effectiveDt(), run.steps(), run.trajectories(), run.seed(), threads,
                threads == 1 ? "" : "s");
    }

    /**
     * A rough forecast (1e8 particle-steps/s per thread, the slower integrators' order), said before a run of more
     * than a minute.
     */
    public static void forecast(PrintWriter out, ErasureRun config, int threads) {
        final LangevinRun run = config.monteCarlo().run(config.problem());
        final double forecast = (double) run.trajectories() * run.grid().totalSteps() / (1e8 * threads);
        if (forecast > 60) {
            out.printf(Locale.ROOT, "  this run will take about %s (%.3g particle-steps); Ctrl-C stops it without "
                    + "writing anything%n", duration(forecast), (double) run.trajectories() * run.grid().totalSteps());
            out.flush();
        }
    }

    /** Seconds as a reader says them: s, min, h, days or years. */
    public static String duration(double s) {
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        if (s < 2 * 86400) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        if (s < 2 * 3.156e7) {
            return String.format(Locale.ROOT, "%.0f days", s / 86400);
        }
        return String.format(Locale.ROOT, "%.3g years", s / 3.156e7);
    }

    /** Every value with its sampling and time-step errors, the bounds, and the costs. */
    public static void print(PrintWriter out, SimulationReport r) {
        final PhysicalUnits units = r.run().units();
        final LangevinRun run = r.monteCarlo().run();
        final ErasureTally t = r.monteCarlo().tally();
        final TimeStepError ts = r.monteCarlo().error();
        final AmsTimeStep.Outcome amsStep = r.splitting();
        final AmsResult ams = amsStep == null ? null : amsStep.estimate();
        final BinomialInterval err = t.errorInterval();
        final double w = t.work().mean();
        out.printf(Locale.ROOT, "  <W>   = %.4f +- %.4f (sampling) +- %s (time step) kT  = %.4g zJ = %.4g eV   (sd %.3f kT)%n",
                w, t.work().standardError(), stepError(ts == null ? Double.NaN : ts.work().error()),
                units.toZeptoJoule(w), units.toElectronVolt(w), t.work().standardDeviation());
        out.printf(Locale.ROOT, "  <W+>  = %.4f +- %.4f +- %s kT, <W-> = %.4f +- %.4f +- %s kT  (gross work: energy put into "
                        + "and given back by the potential, W = W+ + W-)%n", t.workPlus().mean(),
                t.workPlus().standardError(), stepError(ts == null ? Double.NaN : ts.workPlus().error()),
                t.workMinus().mean(), t.workMinus().standardError(),
                stepError(ts == null ? Double.NaN : ts.workMinus().error()));
        out.printf(Locale.ROOT, "  <Q>   = %.4f +- %.4f +- %s kT  (heat to the bath);  <dU> = %.4f +- %.4f kT%s%n",
                t.heat().mean(), t.heat().standardError(), stepError(ts == null ? Double.NaN : ts.heat().error()),
                t.deltaU().mean(), t.deltaU().standardError(),
                !run.integrator().underdamped() ? "" : String.format(Locale.ROOT, ";  <dK> = %.4f +- %.4f kT "
                        + "(<W> - <Q> = <dU> + <dK>)", t.deltaK().mean(), t.deltaK().standardError()));
        if (run.holdTime() > 0) {
            final BinomialInterval end = BinomialInterval.clopperPearson(t.errorsAtProtocolEnd(), t.trajectories());
            out.printf(Locale.ROOT, "  eps at the end of the protocol = %.4g (95%% CI [%.3g, %.3g]); after the hold of %.4g tau_D:%n",
                    end.rate(), end.low(), end.high(), run.holdTime());
        }
        final MonteCarloSummary.ReportedErrorRate reported = MonteCarloSummary.ReportedErrorRate.of(r.monteCarlo(),
                amsStep);
        final double eps = reported.rate();
        if (ams != null) {
            out.printf(Locale.ROOT, "  eps   = %.4g +- %.2g (AMS; 95%% CI [%.3g, %.3g]; from left %.3g, from right %.3g; "
                            + "%d iterations, %.3g particle-steps)%n", eps, ams.standardError(),
                    ams.ciLow(), ams.ciHigh(), ams.errorByBit()[0], ams.errorByBit()[1], ams.iterations(),
                    (double) ams.particleSteps());
            out.printf(Locale.ROOT, "          direct sampling: %.4g (%d errors; 95%% CI [%.3g, %.3g])%n",
                    err.rate(), t.errors(), err.low(), err.high());
            final String amsWarning = MonteCarloSummary.amsWarning(run, ams);
            if (!amsWarning.isEmpty()) {
                out.println("  WARNING: the splitting estimate is " + amsWarning);
            }
        } else {
            final BinomialInterval left = t.errorInterval(0);
            final BinomialInterval right = t.errorInterval(1);
            out.printf(Locale.ROOT, "  eps   = %.4g  (%d errors; 95%% CI [%.3g, %.3g]; from left %.3g, from right %.3g)%n",
                    eps, t.errors(), err.low(), err.high(), left == null ? Double.NaN : left.rate(),
                    right == null ? Double.NaN : right.rate());
        }
        out.printf(Locale.ROOT, "          time-step error of eps %s%s; with it, 95%% CI [%.3g, %.3g]%n",
                stepError(reported.timeStepError()),
                ams == null ? ""
                        : String.format(Locale.ROOT, " (%.3g in ln eps; splitting gives %.3g at dt = %.3g tau_D)",
                        amsStep.logError(), amsStep.second() == null ? Double.NaN : amsStep.second().errorRate(),
                        amsStep.secondDt()),
                reported.totalLow(), reported.totalHigh());
        final String stepWarning = MonteCarloSummary.timeStepWarning(r.monteCarlo(), amsStep);
        if (!stepWarning.isEmpty()) {
            out.println("  WARNING: time step too coarse for the numbers printed (beyond the tolerance): " + stepWarning
                    + " - use a smaller dynamics.dt or dt: auto");
        }
        final double landauer = ErasureBounds.generalizedLandauer(eps);
        out.printf(Locale.ROOT, "  bounds: kT[ln2 - H(eps)] = %.4f kT = %.4g zJ;  kT ln(1/eps) = %s kT (%.2f kT at the CI upper end)%n",
                landauer, units.toZeptoJoule(landauer),
                eps > 0 ? String.format(Locale.ROOT, "%.2f", ErasureBounds.logInverseError(eps)) : "inf",
                ErasureBounds.logInverseError(reported.ciHigh()));
        if (r.finiteTimeBound() != null) {
            out.printf(Locale.ROOT, "  finite-time bound dF + W2^2/tau = %.4f +- %.1g kT (Fokker-Planck solution, numerical error)%n",
                    r.finiteTimeBound().result().finiteTimeBound(), r.finiteTimeBound().finiteTimeBoundError());
        }
        final double rate = r.particleSteps() / r.wallSeconds();
        out.printf(Locale.ROOT, "  Jarzynski <exp(-W/kT)> = %.4f +- %.4f;  kT = %.5g J at %.2f K;  wall %.2f s%s%n",
                t.jarzynski().mean(), t.jarzynski().standardError(), units.kTJoule(), units.temperatureK(),
                r.wallSeconds(), ams == null
                        ? String.format(Locale.ROOT, ", %.3g particle-steps/s", rate)
                        : String.format(Locale.ROOT, " direct sampling (%.3g particle-steps/s) + %.2f s splitting",
                        rate, r.splittingWallSeconds()));
        out.flush();
    }

    /** A time-step error as printed: two digits, or "n/a" where it could not be estimated. */
    private static String stepError(double e) {
        return Double.isNaN(e) ? "n/a" : String.format(Locale.ROOT, "%.2g", e);
    }
}
