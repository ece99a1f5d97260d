package org.erasure.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.config.ClaimsSettings;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Report;
import org.erasure.io.Table;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;

/**
 * Writes the claims report: report.md and a self-contained report.html (figures inline) from one
 * {@link Report}, the CSV behind every table, and the figures as PNG and SVG, all from the typed results
 * ({@link Rows}) through one table model ({@link Table}).
 */
public final class ClaimsReport {

    private ClaimsReport() {
    }

    /** Writes everything into dir; returns the files written. */
    public static List<Path> write(Path dir, ClaimsSettings s, ClaimsRunner.Results r, String command,
                                   String runJson, double wallSeconds) throws IOException {
        Files.createDirectories(dir);
        final List<Path> figures = new ArrayList<>();
        figures.addAll(ClaimsFigures.approachFigure(dir, r));
        figures.addAll(ClaimsFigures.frontierFigure(dir, r));
        figures.addAll(ClaimsFigures.richFigure(dir, s, r));
        figures.addAll(ClaimsFigures.speedFigure(dir, s, r));
        figures.addAll(ClaimsFigures.storingFigure(dir, s, r));
        figures.addAll(ClaimsFigures.classesFigure(dir, s, r));
        figures.addAll(ClaimsFigures.controllerFigure(dir, r));
        figures.addAll(ClaimsFigures.cantileverFigure(dir, r));

        final Map<String, String> files = new LinkedHashMap<>();
        final Table[] tables = {r.approachTable(), r.approachFitTable(), r.frontierTable(), r.frontierCheckTable(),
            r.amsCheckTable(), r.storingTable(), r.speedTable(), r.crossoverTable(), r.fullControlTable(),
            r.classesTable(), r.controllerTable(), r.cantileverTable(), r.learnedTable(), r.cantileverAmsTable(),
            r.verdictTable()};
        final String[] names = {"approach", "approach_fit", "frontier", "frontier_mc_check", "frontier_ams_check",
            "storing", "speed", "crossover", "full_control", "classes", "controller", "cantilever",
            "cantilever_learned", "cantilever_ams_check", "verdict"};
        for (int i = 0; i < tables.length; i++) {
            files.put(names[i] + ".csv", tables[i].csv());
        }
        if (!r.rich().isEmpty()) {
            files.put("frontier_rich.csv", r.richTable().csv());
            files.put("crossover_rich.csv", r.richCrossoverTable().csv());
        }
        final Report report = report(s, r, command, wallSeconds);
        files.put("report.md", report.markdown());
        files.put("report.html", report.html("Can a bit be erased reliably for about kT ln 2?", dir));
        files.put("run.json", runJson);
        AtomicFiles.writeAll(dir, files);
        final List<Path> out = new ArrayList<>(figures);
        files.keySet().forEach(f -> out.add(dir.resolve(f)));
        return out;
    }

    /**
     * The report's durations in the times a reader knows: the intra-well relaxation time of the storing well,
     * 1/U''(x_min) = tau_D/(8 E_b), and tau_D in seconds for the physical presets.
     */
    static String timeScales(ClaimsSettings s, ClaimsRunner.Results r) {
        final StringBuilder b = new StringBuilder("Time scales: tau_D = gamma x_m^2/kT; the intra-well relaxation time of "
                + "a well of barrier E_b is 1/U''(x_min) = tau_D/(8 E_b) (column `tau_in_intra_well_times` of frontier.csv "
                + "and classes.csv: the duration in those times for the final well)");
        for (Rows.Crossover c : r.crossover()) {
            if (Double.isFinite(c.tauStar())) {
                final Rows.Frontier at = r.frontier().stream().filter(f -> f.targetError() == c.targetError()
                        && f.tau() == c.tauHigh()).findFirst().orElse(null);
                if (at != null) {
                    b.append(String.format(Locale.ROOT, "; tau* = %.3g tau_D at eps <= %.3g is %.3g intra-well times "
                            + "of the final %.1f kT well", c.tauStar(), c.targetError(), c.tauStar() * 8 * at.barrier(),
                            at.barrier()));
                }
            }
        }
        b.append(". In seconds, for the physical presets in configs/ (their `physical` sections): ");
        final List<String> presets = new ArrayList<>();
        for (String name : PRESETS) {
            final PhysicalUnits u = presetUnits(name);
            presets.add(String.format(Locale.ROOT, "%s: tau_D = %.3g s, so 1 tau_D = %.3g s and 1000 tau_D = %.3g s", name,
                    u.timeUnitS(), u.timeUnitS(), 1000 * u.timeUnitS()));
        }
        return b.append(String.join("; ", presets)).append('.').toString();
    }

    /** The presets with a physical time scale (configs/NAME.yaml, embedded in the jar). */
    static final List<String> PRESETS = List.of("berut2012", "jun2014", "cantilever");

    static PhysicalUnits presetUnits(String name) {
        return org.erasure.config.ConfigLoader.preset(name + ".yaml", List.of()).units();
    }

    /** One section of the report: heading, text, table and the figure under it. */
    private record Section(String heading, String text, Table table, String figure) {
    }

    /** As {@link #fmt}, and "none" where the number is not finite (nothing found). */
    private static String orNone(double v) {
        return Double.isFinite(v) ? fmt(v) : "none";
    }

    /** A number as the report's prose shows it (integers plain, else four significant digits). */
    static String fmt(double v) {
        return Table.display(v);
    }

    static Report report(ClaimsSettings s, ClaimsRunner.Results r, String command, double wall) {
        final PhysicalUnits u = PhysicalUnits.thermal(s.temperatureK());
        final Report rep = new Report();
        rep.heading(1, "Can a bit be erased reliably for about kT ln 2?");
        rep.paragraph(String.format(Locale.ROOT, "Produced by `%s` in %.0f s. Brownian particle in the quartic double well "
                + "U = E_b[x^4 - 2g x^2] - F x at %.0f K (kT = %.4g J = %.4g zJ = %.4g eV; so kT ln 2 = %.4g zJ and "
                + "50 kT = %.4g zJ = %.3g eV), overdamped, reduced units (energy kT, "
                + "length x_m, time tau_D = gamma x_m^2/kT). Numbers without sampling noise come from the "
                + "Fokker-Planck solver: searches run on %d cells and %d steps (second order in time; both bit values "
                + "as one density, on the interval the potential confines), and every value tabulated is solved again, "
                + "each bit value apart and with a 25 %% margin, on %d cells and %d steps (%s its numerical error "
                + "exceeds 1 %% in eps or in <W> the larger of 1e-3 kT and 1e-4 of <W>); the `_numerical_error` columns give that error (the "
                + "difference to the solution at half the resolution) and `within_numerical_tolerance` whether it "
                + "meets the tolerance. Monte Carlo confirms the numbers where sampling can resolve the error. Every "
                + "table has its CSV beside this file.", command, wall,
                s.temperatureK(), u.kTJoule(), u.toZeptoJoule(1), u.toElectronVolt(1), u.toZeptoJoule(Math.log(2)),
                u.toZeptoJoule(50), u.toElectronVolt(50), s.cells(), s.timeSteps(), s.verifyCells(), s.verifyTimeSteps(),
                s.refinements() == 0 ? "not refined, even where" : s.refinements() == 1 ? "doubled again where"
                        : "doubled again, up to " + s.refinements() + " times, while"));
        final List<String> loose = ClaimsRunner.outsideTolerance(r);
        if (!loose.isEmpty()) {
            rep.paragraph("**Numerical accuracy:** outside the tolerance, to be read with their stated numerical errors: "
                    + String.join("; ", loose) + ".");
        }
        rep.heading(2, "Verdict").table(r.verdictTable());
        if (!r.faults().isEmpty()) {
            rep.paragraph("**Numerical faults:** " + String.join("; ", r.faults()));
        }
        rep.heading(2, "1. Approach to kT ln 2");
        rep.paragraph(String.format(Locale.ROOT, "Four-step protocol (E_b = %s kT, g_min = %s, F_max = %s kT) at durations "
                        + "over %.1f decades. `approach.csv`, `approach_fit.csv`.", fmt(s.approachBarrier()),
                fmt(s.approachGMin()), fmt(s.approachTilt()), Math.log10(s.approachTaus().get(s.approachTaus().size() - 1)
                        / s.approachTaus().get(0))));
        rep.table(r.approachTable()).table(r.approachFitTable()).figure("approach_work_vs_tau.png", "work versus tau");
        rep.heading(2, "2. Error-energy frontier");
        rep.paragraph(String.format(Locale.ROOT, "Minimal <W> over four-step protocols (g_min, F_max <= %s kT, phase "
                        + "durations, barrier E_b in [%s, %s] kT) subject to eps <= target, by CMA-ES then BOBYQA on the "
                        + "Fokker-Planck solution (each value is the least work found, an upper bound of the true "
                        + "minimum, with %d evaluations and seed %d: another seed finds other optima, for the default settings "
                        + "up to 27 %% apart at tau <= 1 tau_D and within 0.2 %% at tau = 1000 tau_D, see the README; "
                        + "`on_search_bounds` names parameters that sit on a bound of the search box). "
                        + "`frontier.csv`. Below it, a frontier point that sampling can resolve (four-step, "
                        + "tilt tuned to the error) confirmed by Monte Carlo: `frontier_mc_check.csv` (with the time-step "
                        + "errors of <W> and eps from coupled paths at twice the step; agreement is judged on sampling "
                        + "and time-step error together). Beside each point, `full_control_min_work_kT`: the least work "
                        + "over all potentials U(x, t) that start and end at that point's storing well, computed with "
                        + "its numerical error (Proesmans, Ehrich & Bechhoefer 2020; FullControlOptimum), the distance "
                        + "from the four-step optimum to the best any protocol can do%s.", fmt(s.maxTilt()),
                fmt(s.barrierRange()[0]), fmt(s.barrierRange()[1]), s.evaluations(), s.seed(),
                missingFullControl(r.frontier())));
        rep.table(r.frontierTable()).table(r.frontierCheckTable());
        rep.paragraph("Deep in the tail, where sampling cannot reach, adaptive multilevel splitting (Monte Carlo, "
                + "independent of the Fokker-Planck solver) estimates eps of the frontier protocol with the smallest "
                + "error at the shortest duration whose target is at most 1e-15, among those within the numerical "
                + "tolerance and spanning at least 2000 Monte Carlo steps: `frontier_ams_check.csv`. Its time-step "
                + "error is the change of ln eps in a second estimate at twice the step; the check passes when the FP "
                + "value lies in the 99 % interval widened by that error.");
        rep.table(r.amsCheckTable()).figure("frontier_error_vs_work.png", "error versus work");
        richSection(rep, s, r);
        for (Section sec : List.of(
                new Section("3. Storing versus erasing", "Barrier needed to keep a bit for a hold time at error eps, "
                        + "from the exact hopping rate (lowest non-zero eigenvalue of the Fokker-Planck generator, "
                        + "eps(t) = [1 - exp(-lambda_1 t)]/2), and the minimal work of an erasure that ends with that "
                        + "barrier. `storing.csv`.", r.storingTable(), "storing_vs_erasing.png"),
                new Section("4. Speed", "Dissipation above kT[ln2 - H(eps)] of the optimal protocols versus duration, at "
                        + "fixed eps, and the fit <W>_min = W_inf + B/tau over the slow durations named in its columns "
                        + "(a fit, not used outside that range). `speed.csv`.", r.speedTable(),
                        "speed_excess_vs_tau.png"))) {
            rep.section(2, sec.heading(), sec.text()).table(sec.table()).figure(sec.figure(), sec.heading());
        }
        rep.paragraph(String.format(Locale.ROOT, "Where claim B starts to hold, measured: for each target, the duration "
                + "tau* at which the minimal <W> equals kT ln(1/eps), by root finding between frontier durations that "
                + "bracket it (regula falsi on ln tau, ln <W>, from the second step aimed 5 %% beyond the predicted "
                + "root so both ends move; each iterate a new optimisation, %d per target; tau* interpolated in the "
                + "last bracket). Each "
                + "minimal <W> is the least the optimiser found, an upper bound of the true minimum, so tau* is an upper "
                + "bound too. The lower end of the crossover is computed, not found: tau_low, where the full-control "
                + "optimum (the least work over all potentials U(x, t) that start and end at the storing well of the "
                + "lowest barrier searched; Proesmans, Ehrich & Bechhoefer 2020) equals kT ln(1/eps); below tau_low B "
                + "holds for every protocol (columns `tau_low_full_control_tauD` and `full_control_*`; W_min(tau) itself, at the "
                + "strictest target, in `full_control.csv`). `crossover.csv`.",
                s.crossoverSteps()));
        rep.table(r.crossoverTable());
        rep.paragraph(timeScales(s, r));
        rep.section(2, "5. Protocol classes and the controller's energy", String.format(Locale.ROOT, "Two classes at "
                + "equal storage: both end with the barrier that keeps the bit %.3g tau_D at eps/2 (from the exact "
                + "hopping rate; the erasure has the other half of the error budget), and both are judged by eps after "
                + "that hold (solved by Fokker-Planck, hold included). Barrier-lowering: the four-step family (g_min, "
                + "F_max <= %s kT, phases) with E_b fixed at that barrier. Fixed-barrier (Landauer's original scheme): "
                + "g = 1 throughout, the bit tilted over the barrier (F_max <= %s kT, phases). `classes.csv`.",
                s.classHoldTime(), fmt(s.maxTilt()), fmt(s.maxTilt())));
        rep.table(r.classesTable()).figure("classes_work_vs_tau.png", "protocol classes");
        rep.paragraph("The controller's energy (SPEC 2.4): per trajectory the work splits into W+ (control increments "
                + "that raise the particle's energy: energy the controller puts into the potential) and W- (those that "
                + "lower it: energy the potential gives back), W = W+ + W-. A controller that recovers a fraction eta of "
                + "what is given back draws W_eta = W+ + eta W-; `eta_needed_for_2ln2` is the recovery needed to "
                + "stay below 2 kT ln 2 (empty where even eta = 1 does not). This switching energy, of the order of "
                + "the barrier, is moved rather than dissipated: it is where the ~kT ln(1/eps) scale of claim B shows up "
                + "in a barrier-lowering erasure. `controller.csv`.");
        rep.table(r.controllerTable()).figure("controller_energy_vs_eta.png", "controller energy");
        rep.section(2, "6. Underdamped erasure: the cantilever", cantileverText(s));
        rep.table(r.cantileverTable()).figure("cantilever_work_vs_duration.png", "cantilever");
        rep.paragraph("The product's protocols beside the published learned ones, on the published conventions "
                + "(NESTbench25: eps judged after one quiescent period at the storing potential, work counted at the "
                + "protocol's updates; the published numbers from 1e5 trajectories): configs/cantilever-one-period.yaml "
                + "and cantilever-half-period.yaml (ten keyframes of (c0, c1), found by a Monte Carlo search, "
                + "scripts/CantileverSearch.java), on the phase-space solver at the grid above and by underdamped Monte "
                + "Carlo (BAOAB at the presets' step, 0.25 us, with its time-step errors from coupled paths at twice the "
                + "step). `outcome`: beaten where the Monte Carlo <W> plus its time-step error and 4 standard errors "
                + "lies below the published <W> (`less_work`) and the upper end of its 95 % interval of eps plus its "
                + "time-step error at most the published eps (`error_no_larger`); less work at an error equal within "
                + "sampling where only the two 95 % intervals of eps overlap (the published one from its 1e5 "
                + "trajectories). `mc_agrees_with_fp`: <W> within 4 standard errors plus the time-step error and the "
                + "solver's numerical error, and the solver's eps within the Clopper-Pearson interval (confidence "
                + "1 - 6.3e-5) widened by both. `cantilever_learned.csv`.");
        rep.table(r.learnedTable());
        rep.paragraph("Deep in the tail of the sweep, where direct sampling sees nothing, adaptive multilevel splitting "
                + "(its score the problem's own, the phase-space committor at this quality factor) estimates eps at the "
                + "point whose eps the solver resolves best, BAOAB at 100 steps a period and again at twice the step "
                + "for its time-step error. The check passes where the solver's eps +- its numerical error meets the "
                + "splitting's 99 % interval widened by that error. `cantilever_ams_check.csv`.");
        rep.table(r.cantileverAmsTable());
        rep.section(2, "How to rerun", "`scripts/erasure claims` (or `--quick`); settings and seeds are in `run.json`. Any single "
                + "protocol from `frontier.csv` can be rerun by `scripts/erasure optimize --tau T --target-error E "
                + "--barrier-range LO:HI` and checked with `simulate` / `fokker-planck` on the `optimized.yaml` it writes.");
        return rep;
    }

    /** The text of experiment 6: the device, the solver and its grid, and how to read the columns. */
    static String cantileverText(ClaimsSettings s) {
        final ClaimsSettings.Cantilever c = s.cantilever();
        final org.erasure.ErasureRun run = org.erasure.config.ConfigLoader.preset(CantileverExperiment.PRESET, List.of())
                .run();
        final double period = CantileverExperiment.periodSeconds(run);
        return String.format(Locale.ROOT, "The micro-cantilever of Dago et al. (PRL 126, 170601 (2021); "
                + "configs/cantilever.yaml): underdamped, quality factor 7, resonance 1090 Hz (one period %.4g us = %.4g "
                + "tau_D, tau_D = %.3g us), piecewise-harmonic double well with wells at +-5 sqrt(kT/k) (barrier 12.5 kT). "
                + "The preset's protocol (merge the wells, move the single well, restore) at durations from %s to %s "
                + "periods, on the phase-space (Klein-Kramers) Fokker-Planck solver: %d x %d cells (x, v), v within +-%s "
                + "thermal velocities (`edge_probability`, the most probability ever found in the grid's outermost "
                + "cells, which reflect; `edge_within_limit`, whether it stayed below 1e-3 of eps), and %d control "
                + "steps, first order; the numerical error of each value is 3 times (Roache's safety factor for two "
                + "grids) the larger of its difference to a solve at half of each and the sum of its differences to "
                + "solves with x or v alone halved. Durations in "
                + "periods and in seconds; `mean_delta_kinetic_kT` is the kinetic energy left at the end (in <W>, "
                + "not yet dissipated). Where the numerical error misses the tolerance, the value is what this grid "
                + "gives, flagged in `within_numerical_tolerance` (fokker-planck --config configs/cantilever.yaml --set "
                + "protocol.tau_s=... on finer grids refines it). `storing_well_tail_beyond_barrier` is Phi(-c1), the "
                + "storing well's Gaussian tail beyond the barrier: a bit left to relax there keeps an error of that "
                + "order, whatever the erasure did. `cantilever.csv`.", period * 1e6, period / run.units().timeUnitS(),
                run.units().timeUnitS() * 1e6, ClaimsReport.fmt(c.periods().get(0)),
                ClaimsReport.fmt(c.periods().get(c.periods().size() - 1)), c.cells(), c.velocityCells(),
                ClaimsReport.fmt(c.velocityReach()), c.timeSteps());
    }

    /** Experiment 2's rich family (frontier_rich.csv), or one line on how to run it where it was left out. */
    private static void richSection(Report rep, ClaimsSettings s, ClaimsRunner.Results r) {
        if (r.rich().isEmpty()) {
            rep.paragraph("The rich family beside every frontier point (the spline family: g and F at 200 nodes, "
                    + "searched with exact gradients from the four-step optimum, its seed spread) is left out here "
                    + "(frontier.rich_nodes = 0): it takes minutes a point. `scripts/erasure claims --config "
                    + "configs/claims-rich.yaml` runs it (frontier_rich.csv); the README gives its numbers.");
            return;
        }
        final List<Rows.RichPoint> met = r.rich().stream().filter(p -> p.feasible() && p.four().feasible()).toList();
        final double[] ratio = met.stream().mapToDouble(p -> p.four().fp().meanWork() / p.fp().meanWork()).toArray();
        final List<Rows.RichPoint> spread = r.rich().stream().filter(p -> Double.isFinite(p.spread())).toList();
        final long within = spread.stream().filter(p -> p.spread() <= org.erasure.Optimization.SPREAD_TARGET).count();
        final double worst = spread.stream().mapToDouble(Rows.RichPoint::spread).max().orElse(Double.NaN);
        final long allMet = r.rich().stream()
                .filter(p -> java.util.Arrays.stream(p.startVerified()).allMatch(Double::isFinite)).count();
        final long newlyBelow = r.rich().stream().filter(p -> p.feasible()
                && p.fp().meanWork() + p.fp().meanWorkError() < ErasureBounds.logInverseError(p.four().targetError())
                && !(p.four().feasible() && p.four().fp().meanWork() + p.four().fp().meanWorkError()
                        < ErasureBounds.logInverseError(p.four().targetError()))).count();
        rep.paragraph(String.format(Locale.ROOT, "The rich family beside every point (issue 26): the spline family, g "
                + "and F at %d equally spaced nodes joined linearly, both ends at the storing potential, g in [0, 1] and "
                + "|F| <= %s kT, at the point's storing barrier; searched with exact gradients (the Fokker-Planck "
                + "adjoint; an augmented Lagrangian around projected L-BFGS, preconditioned by the dissipation's "
                + "metric over the nodes) from the four-step optimum and %d smooth perturbations of it that still "
                + "erase, %d gradient evaluations a start; while their spread on the search grid exceeds 1 %% or a "
                + "start misses the target (on the search grid, or verified: then with its aim lowered by the "
                + "ratio), those more than 1 %% above the least (or missing) go on, at most %d "
                + "rounds; every start's best verified on the verification grid, and the least verified work "
                + "meeting the target tabulated. Of %d points, %d are met by both families: the four-step "
                + "optimum does %.3g to %.3g times the spline's work. All %d starts met the target at %d points. The "
                + "starts' verified spread (max - min)/min is within 1 %% at %d of the %d points where at least two "
                + "starts met the target (largest %.2g %%); where fewer met it, `starts_mean_work_kT` says so. Below "
                + "kT ln(1/eps) with the spline family where the four-step family was not: %d point(s). "
                + "`frontier_rich.csv`.", s.rich().nodes(), fmt(s.maxTilt()),
                s.rich().starts() - 1, s.rich().evaluations(), org.erasure.Optimization.POLISH_ROUNDS,
                r.rich().size(), met.size(),
                java.util.Arrays.stream(ratio).min().orElse(Double.NaN),
                java.util.Arrays.stream(ratio).max().orElse(Double.NaN), s.rich().starts(), allMet, within,
                spread.size(), 100 * worst, newlyBelow));
        rep.table(r.richTable()).figure("frontier_rich_work_vs_tau.png", "rich family");
        final List<String> open = new ArrayList<>();
        for (Rows.Crossover rc : r.richCrossover()) {
            final Rows.Crossover c = r.crossover().stream().filter(x -> x.targetError() == rc.targetError())
                    .findFirst().orElse(null);
            final double low = c == null || c.full() == null ? Double.NaN : c.full().tauLow();
            final double four = c == null ? Double.NaN : c.tauStar();
            open.add(String.format(Locale.ROOT, "eps <= %s: tau* = %s with the spline family (%s), %s with the "
                    + "four-step; tau_low = %s, so the open interval spans a factor %s (four-step: %s)",
                    fmt(rc.targetError()), orNone(rc.tauStar()), Double.isFinite(rc.tauStar()) ? "bracket "
                    + fmt(rc.tauLow()) + " to " + fmt(rc.tauHigh()) : rc.note(), orNone(four), orNone(low),
                    orNone(rc.tauStar() / low), orNone(four / low)));
        }
        rep.paragraph("The crossover with the best protocols found: tau*, where the spline family's least verified "
                + "<W> equals kT ln(1/eps), bracketed by the rich points above and narrowed by "
                + s.crossoverSteps() + " spline search(es) per target as the four-step tau* is (each at the storing "
                + "barrier of the nearest rich point, from its protocol). Between tau_low (full control) and tau* the "
                + "question stays open: " + String.join("; ", open) + ". `crossover_rich.csv`.");
        rep.table(r.richCrossoverTable());
    }

    /** "" when every frontier point has its full-control optimum, else how many lack it and why. */
    static String missingFullControl(List<Rows.Frontier> frontier) {
        final long missing = frontier.stream().filter(f -> f.fullControl() == null).count();
        return missing == 0 ? "" : String.format(Locale.ROOT, " (empty at %d point(s): the solve did not converge, "
                + "and an unconverged value is not reported)", missing);
    }
}
