package org.erasure.io;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.erasure.ErasureRun;
import org.erasure.FokkerPlanckReport;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;

/**
 * The terminal report of a Fokker–Planck run ({@code fokker-planck}), from the typed solution: the grid before, and
 * every value with its numerical error beside the bounds after; the same values as {@link FokkerPlanckSummary}'s row.
 */
public final class FokkerPlanckText {

    private FokkerPlanckText() {
    }

    /** The problem and the two grids it is solved on. */
    public static void header(PrintWriter out, ErasureRun config) {
        final FokkerPlanckSettings fs = config.fokkerPlanck();
        final boolean phase = config.problem().dynamics().isUnderdamped();
        out.printf(Locale.ROOT, "fokker-planck %s: %stau = %.4g tau_D%s, %s (numerical error from a second solve at %s)%n",
                config.name(), phase ? config.problem().dynamics() + ", phase space (Klein-Kramers): " : "",
                config.protocol().duration(),
                config.problem().hasHold() ? String.format(Locale.ROOT, " + hold %.4g tau_D", config.problem().holdTime()) : "",
                phase ? fs.phaseSpaceDescription() : fs, phase ? fs.coarsened().phaseSpaceDescription() : fs.coarsened());
    }

    /** Every value with its numerical error, the bounds, the grid and its cost, and the warnings. */
    public static void print(PrintWriter out, FokkerPlanckReport report) {
        final FokkerPlanckSolution solution = report.solution();
        final FokkerPlanckResult r = solution.result();
        final ErasureRun config = report.run();
        final FokkerPlanckSettings fs = config.fokkerPlanck();
        final PhysicalUnits u = config.units();
        final double wall = report.wallSeconds();
        out.printf(Locale.ROOT, "  <W>   = %.6f +- %.1g kT = %.4g zJ = %.4g eV   (+- numerical error)%n", r.meanWork(),
                solution.workError(), u.toZeptoJoule(r.meanWork()), u.toElectronVolt(r.meanWork()));
        out.printf(Locale.ROOT, "  <W+>  = %.6f +- %.1g kT, <W-> = %.6f +- %.1g kT  (gross work: energy put into and "
                        + "given back by the potential)%n", r.meanWorkPlus(), solution.workPlusError(), r.meanWorkMinus(),
                solution.workMinusError());
        out.printf(Locale.ROOT, "  <Q>   = %.6f +- %.1g kT;  <dU> = %.6f +- %.1g kT;%s  dF = %.6f +- %.1g kT;  "
                        + "entropy production = %.6f +- %.1g kT%n", r.meanHeat(), solution.heatError(), r.meanDeltaU(),
                solution.deltaUError(),
                r.isPhaseSpace() ? String.format(Locale.ROOT, "  <dK> = %.6f +- %.1g kT (kinetic);", r.meanDeltaK(),
                        solution.deltaKError()) : "",
                r.freeEnergyChange(), solution.freeEnergyChangeError(), r.entropyProduction(),
                solution.entropyProductionError());
        if (r.holdSteps() > 0) {
            out.printf(Locale.ROOT, "  eps at the end of the protocol = %.6g +- %.1g; after the hold of %.4g tau_D:%n",
                    r.errorAtProtocolEnd(), solution.errorAtProtocolEndError(),
                    solution.settings().grid(config.problem()).holdTime());
        }
        // an error at least eps itself bounds eps from above only: said in words, never read as a negative lower end
        final boolean unresolved = solution.errorRateError() >= r.error();
        out.printf(Locale.ROOT, "  eps   = %.6g +- %.1g (%.2g %% relative%s)  (from left %.4g, from right %.4g)%n",
                r.error(), solution.errorRateError(), 100 * solution.errorRateRelativeError(),
                unresolved ? String.format(Locale.ROOT, "; not resolved: 0 <= eps <= %.2g",
                        r.error() + solution.errorRateError()) : "", r.errorFromLeft(), r.errorFromRight());
        final double eps = ErasureBounds.requireProbability("error_rate", r.error());
        if (r.isPhaseSpace()) {
            out.printf(Locale.ROOT, "  bounds: kT[ln2 - H(eps)] = %.6f kT;  kT ln(1/eps) = %.4f +- %.1g kT;  (the "
                            + "finite-time bound dF + W2^2/tau holds for overdamped dynamics: not given)%n",
                    ErasureBounds.generalizedLandauer(eps), ErasureBounds.logInverseError(eps),
                    solution.logInverseErrorError());
            final FokkerPlanckResult.PhaseSpace ps = r.phaseSpace();
            out.printf(Locale.ROOT, "  grid %d x %d cells of %.3g %s x %.3g %s/tau_D (v in [-%.3g, %.3g]), %d steps%s, "
                            + "%d transport sub-steps; edge probability %.2g; wall %.2f s%n", r.cells(),
                    ps.velocityCells(), r.cellWidth(), config.potential().lengthUnitLabel(),
                    2 * ps.velocityBound() / ps.velocityCells(), config.potential().lengthUnitLabel(),
                    ps.velocityBound(), ps.velocityBound(), r.timeSteps(),
                    r.holdSteps() > 0 ? " + " + r.holdSteps() + " hold steps" : "", ps.transportSteps(),
                    ps.edgeProbability(), wall);
        } else {
            out.printf(Locale.ROOT, "  bounds: kT[ln2 - H(eps)] = %.6f kT;  kT ln(1/eps) = %.4f +- %.1g kT;  finite-time "
                            + "dF + W2^2/tau = %.6f +- %.1g kT (W2 = %.4f %s)%n", ErasureBounds.generalizedLandauer(eps),
                    ErasureBounds.logInverseError(eps), solution.logInverseErrorError(), r.finiteTimeBound(),
                    solution.finiteTimeBoundError(), r.wasserstein2(), config.potential().lengthUnitLabel());
            if (report.fullControl() != null) {
                out.printf(Locale.ROOT, "  full control: W_min = %.6f +- %.1g kT, the least work any potential U(x, t) "
                                + "with these ends needs for eps = %.4g (at the protocol's end) in tau; this protocol: "
                                + "%.4g +- %.1g x W_min%n", report.fullControl().work(), report.fullControl().workError(),
                        r.errorAtProtocolEnd(), r.meanWork() / report.fullControl().work(),
                        ratioError(r.meanWork(), solution.workError(), report.fullControl()));
            } else {
                out.printf(Locale.ROOT, "  full control: not computed (%s)%n", report.fullControlNote());
            }
            out.printf(Locale.ROOT, "  grid %d cells of %.3g %s, %d steps%s; wall %.2f s, %.3g cell-steps/s%n", r.cells(),
                    r.cellWidth(), config.potential().lengthUnitLabel(), r.timeSteps(), r.holdSteps() > 0 ? " + " + r.holdSteps() + " hold steps" : "", wall,
                    1.25 * solution.settings().cellSteps(solution.settings().grid(config.problem())) / wall);
        }
        final List<String> warnings = FokkerPlanckWarnings.of(solution);
        for (String w : warnings) {
            out.println("  WARNING: " + w);
        }
        if (!warnings.isEmpty()) {
            out.printf(Locale.ROOT, "  (for example --set fokker_planck.cells=%d%s --set fokker_planck.time_steps=%d)%n",
                    2 * fs.cells(), r.isPhaseSpace() ? " --set fokker_planck.velocity_cells=" + 2 * fs.velocityCells()
                            : "", 2 * fs.timeSteps());
        }
        out.flush();
    }

    /**
     * densities.csv: x (x_xm, or x_sigma for a potential written in σ = √(kT/k); also x_um with a physical length
     * scale), then the density ρ (per length unit) and the potential U (kT) at each snapshot time, in the columns
     * rho_at_&lt;f&gt;tau_per_xm and U_at_&lt;f&gt;tau_kT, f the fraction of τ.
     */
    public static String densitiesCsv(FokkerPlanckReport report) {
        final ErasureRun config = report.run();
        final FokkerPlanckResult r = report.solution().result();
        final double[] f = r.snapshotFractions();
        final double tau = config.protocol().duration();
        final String key = config.potential().lengthUnitKey();
        final boolean physical = config.units().hasLengthScale();
        final StringBuilder sb = new StringBuilder("x_" + key);
        if (physical) {
            sb.append(",x_um");
        }
        for (double v : f) {
            sb.append(",rho_at_").append(v).append("tau_per_").append(key);
        }
        for (double v : f) {
            sb.append(",U_at_").append(v).append("tau_kT");
        }
        sb.append('\n');
        for (int i = 0; i < r.cells(); i++) {
            final double x = r.x(i);
            sb.append(x);
            if (physical) {
                sb.append(',').append(x * config.units().lengthUnitM() * 1e6);
            }
            for (double[] d : r.snapshots()) {
                sb.append(',').append(d[i]);
            }
            for (double v : f) {
                sb.append(',').append(config.potential().energy(x, config.protocol().control0(v * tau),
                        config.protocol().control1(v * tau)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The numerical error of ⟨W⟩/W_min from the two numerical errors (relative errors added). */
    static double ratioError(double work, double workError, FullControlOptimum.Result full) {
        return ratioError(work, workError, full.work(), full.workError());
    }

    /** The numerical error of a/b from those of a and b, to first order: |a/b| (ea/|a| + eb/|b|). */
    public static double ratioError(double a, double ea, double b, double eb) {
        return Math.abs(a / b) * (ea / Math.abs(a) + eb / Math.abs(b));
    }
}
