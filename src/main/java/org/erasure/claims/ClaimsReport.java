package org.erasure.claims;

import java.awt.Color;
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
import org.erasure.plot.ChartKit;

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
        figures.addAll(approachFigure(dir, r));
        figures.addAll(frontierFigure(dir, r));
        figures.addAll(speedFigure(dir, s, r));
        figures.addAll(storingFigure(dir, s, r));
        figures.addAll(classesFigure(dir, s, r));
        figures.addAll(controllerFigure(dir, r));

        final Map<String, String> files = new LinkedHashMap<>();
        final Table[] tables = {r.approachTable(), r.approachFitTable(), r.frontierTable(), r.frontierCheckTable(),
            r.amsCheckTable(), r.storingTable(), r.speedTable(), r.crossoverTable(), r.classesTable(),
            r.controllerTable(), r.verdictTable()};
        final String[] names = {"approach", "approach_fit", "frontier", "frontier_mc_check", "frontier_ams_check",
            "storing", "speed", "crossover", "classes", "controller", "verdict"};
        for (int i = 0; i < tables.length; i++) {
            files.put(names[i] + ".csv", tables[i].csv());
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

    /** Experiment 1: ⟨W⟩ against τ, with the same fit as approach_fit.csv, drawn over the durations it was fitted on. */
    private static List<Path> approachFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final double[] tau = r.approach().stream().mapToDouble(Rows.Approach::tau).toArray();
        final double[] w = r.approach().stream().mapToDouble(a -> a.fp().meanWork()).toArray();
        final List<ChartKit.Series> series = new ArrayList<>();
        series.add(new ChartKit.Series("<W> (Fokker-Planck, verified)", tau, w, true, false, ChartKit.palette(0)));
        final Rows.ApproachFit f = r.approachFit();
        final double hi = tau[tau.length - 1];
        final int n = 60;
        final double[] ft = new double[n];
        final double[] fw = new double[n];
        for (int i = 0; i < n; i++) {
            ft[i] = Math.exp(Math.log(f.tauMin()) + (Math.log(hi) - Math.log(f.tauMin())) * i / (n - 1));
            fw[i] = f.fit().at(ft[i]);
        }
        series.add(new ChartKit.Series(String.format(Locale.ROOT, "fit over tau >= %s (approach_fit.csv): W_inf = %.4f "
                        + "+- %.4f kT, B = %.3g kT tau_D", ClaimsRunner.fmt(f.tauMin()), f.fit().wInf(),
                f.fit().wInfError(), f.fit().b()), ft, fw, false, true, ChartKit.palette(1)));
        series.add(new ChartKit.Series("kT ln 2", new double[] {tau[0], hi}, new double[] {Math.log(2), Math.log(2)},
                false, false, Color.BLACK));
        return ChartKit.lines("Work versus protocol duration (fixed four-step protocol)", "tau (tau_D)", "<W> (kT)", true,
                false, series, dir.resolve("approach_work_vs_tau"));
    }

    /**
     * Experiment 2: ε against ⟨W⟩ on log axes, the frontier joined per duration, with kT[ln 2 − H(ε)] and kT ln(1/ε)
     * drawn over the whole ε range plotted.
     */
    private static List<Path> frontierFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final List<Rows.Frontier> rows = r.frontier().stream().filter(Rows.Frontier::feasible).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        final List<ChartKit.Series> series = new ArrayList<>();
        final List<Double> taus = rows.stream().map(Rows.Frontier::tau).distinct().sorted().toList();
        double epsMin = 0.1;
        for (int i = 0; i < taus.size(); i++) {
            final double tau = taus.get(i);
            final List<Rows.Frontier> pts = rows.stream().filter(f -> f.tau() == tau)
                    .sorted(java.util.Comparator.comparingDouble(f -> f.fp().errorRate())).toList();
            series.add(new ChartKit.Series("minimal <W>, tau = " + ClaimsRunner.fmt(tau) + " tau_D",
                    pts.stream().mapToDouble(f -> f.fp().meanWork()).toArray(),
                    pts.stream().mapToDouble(f -> f.fp().errorRate()).toArray(), true, false, ChartKit.palette(i)));
            epsMin = Math.min(epsMin, pts.get(0).fp().errorRate());
        }
        // the protocol classes of experiment 5 (with their hold), joined per class and duration
        int colour = taus.size();
        for (String cls : List.of(ClaimsRunner.FIXED_BARRIER, ClaimsRunner.BARRIER_LOWERING)) {
            for (double tau : r.classes().stream().map(Rows.ClassPoint::tau).distinct().sorted().toList()) {
                final List<Rows.ClassPoint> pts = r.classes().stream().filter(c -> c.tau() == tau && c.feasible()
                        && c.protocolClass().equals(cls)).sorted(java.util.Comparator.comparingDouble(
                        c -> c.fp().errorRate())).toList();
                if (pts.isEmpty()) {
                    continue;
                }
                series.add(new ChartKit.Series(String.format(Locale.ROOT, "%s class (exp. 5), tau = %s tau_D", cls,
                        ClaimsRunner.fmt(tau)), pts.stream().mapToDouble(c -> c.fp().meanWork()).toArray(),
                        pts.stream().mapToDouble(c -> c.fp().errorRate()).toArray(), true, true,
                        ChartKit.palette(colour++)));
                epsMin = Math.min(epsMin, pts.get(0).fp().errorRate());
            }
        }
        final int n = 120;
        final double lo = Math.floor(Math.log10(epsMin)) - 1;
        final double[] eps = new double[n];
        final double[] landauer = new double[n];
        final double[] logInv = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = Math.pow(10, -1 + (lo + 1) * i / (n - 1));
            landauer[i] = ErasureBounds.generalizedLandauer(eps[i]);
            logInv[i] = ErasureBounds.logInverseError(eps[i]);
        }
        series.add(new ChartKit.Series("kT[ln 2 - H(eps)] (generalized Landauer)", landauer, eps, false, false,
                Color.BLACK));
        series.add(new ChartKit.Series("kT ln(1/eps) (claim B)", logInv, eps, false, true, Color.GRAY));
        return ChartKit.lines("Error-energy frontier: minimal work at each error target", "<W> (kT, log scale)",
                "error probability eps", true, true, series, dir.resolve("frontier_error_vs_work"));
    }

    /** Experiment 5: minimal ⟨W⟩ against τ per protocol class and target, beside kT ln(1/ε) and kT ln 2. */
    private static List<Path> classesFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        if (r.classes().isEmpty()) {
            return List.of();
        }
        final List<ChartKit.Series> series = new ArrayList<>();
        // the reference lines span the durations, widened by a factor 3 each way so a single duration shows them
        final double[] span = {s.classTaus().stream().mapToDouble(Double::doubleValue).min().orElseThrow() / 3,
            3 * s.classTaus().stream().mapToDouble(Double::doubleValue).max().orElseThrow()};
        int i = 0;
        for (double eps : s.classErrors()) {
            for (String cls : List.of(ClaimsRunner.FIXED_BARRIER, ClaimsRunner.BARRIER_LOWERING)) {
                final List<Rows.ClassPoint> pts = r.classes().stream().filter(c -> c.targetError() == eps
                        && c.protocolClass().equals(cls)).toList();
                series.add(new ChartKit.Series(String.format(Locale.ROOT, "%s, eps <= %.3g", cls, eps),
                        pts.stream().mapToDouble(Rows.ClassPoint::tau).toArray(),
                        pts.stream().mapToDouble(c -> c.fp().meanWork()).toArray(), true, false, ChartKit.palette(i++)));
            }
            final double l = ErasureBounds.logInverseError(eps);
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "kT ln(1/eps), eps = %.3g", eps), span,
                    new double[] {l, l}, false, true, ChartKit.palette(i++)));
        }
        series.add(new ChartKit.Series("kT ln 2", span, new double[] {Math.log(2), Math.log(2)}, false, false,
                Color.BLACK));
        return ChartKit.lines(String.format(Locale.ROOT, "Protocol classes at equal storage (bit kept %.3g tau_D)",
                s.classHoldTime()), "tau (tau_D)", "minimal <W> (kT)", true, true, series,
                dir.resolve("classes_work_vs_tau"));
    }

    /** Experiment 5's controller: W_η = W⁺ + ηW⁻ against η for each class protocol, and 2 kT ln 2. */
    private static List<Path> controllerFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        if (r.controller().isEmpty()) {
            return List.of();
        }
        final List<ChartKit.Series> series = new ArrayList<>();
        final double[] eta = new double[101];
        for (int k = 0; k < eta.length; k++) {
            eta[k] = k / 100.0;
        }
        int i = 0;
        for (Rows.Controller c : r.controller()) {
            final double[] drawn = new double[eta.length];
            for (int k = 0; k < eta.length; k++) {
                drawn[k] = c.point().fp().drawn(eta[k]);
            }
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "%s, tau = %s, eps <= %.3g",
                    c.point().protocolClass(), ClaimsRunner.fmt(c.point().tau()), c.point().targetError()), eta, drawn,
                    false, c.point().protocolClass().equals(ClaimsRunner.BARRIER_LOWERING), ChartKit.palette(i++)));
        }
        series.add(new ChartKit.Series("2 kT ln 2", new double[] {0, 1}, new double[] {2 * Math.log(2), 2 * Math.log(2)},
                false, false, Color.BLACK));
        return ChartKit.lines("Energy drawn by the controller: W_eta = W+ + eta W-",
                "eta, fraction of the returned energy W- that the controller recovers", "W_eta (kT)", false, true,
                series, dir.resolve("controller_energy_vs_eta"));
    }

    private static List<Path> speedFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        final List<ChartKit.Series> series = new ArrayList<>();
        final List<double[]> crossings = new ArrayList<>();
        final List<double[]> brackets = new ArrayList<>();
        int i = 0;
        for (double eps : s.frontierErrors()) {
            final List<Rows.Frontier> pts = r.frontier().stream().filter(f -> f.targetError() == eps && f.feasible())
                    .toList();
            if (pts.isEmpty()) {
                continue;
            }
            final double[] tau = pts.stream().mapToDouble(Rows.Frontier::tau).toArray();
            final double[] ex = pts.stream().mapToDouble(p -> Math.max(1e-6, p.fp().excessOverLandauer())).toArray();
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "eps <= %.3g", eps), tau, ex, true, false,
                    ChartKit.palette(i)));
            final double gap = ErasureBounds.logInverseError(eps) - ErasureBounds.generalizedLandauer(eps);
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "kT ln(1/eps) - kT[ln2 - H], eps = %.3g", eps),
                    new double[] {tau[0], tau[tau.length - 1]}, new double[] {gap, gap}, false, true, ChartKit.palette(i)));
            i++;
            r.crossover().stream().filter(c -> c.targetError() == eps && Double.isFinite(c.tauStar()))
                    .forEach(c -> {
                        crossings.add(new double[] {c.tauStar(), gap});
                        // the bracket's ends: the root finding's own optimisations lie off the frontier durations
                        final double bound = ErasureBounds.generalizedLandauer(eps);
                        brackets.add(new double[] {c.tauLow(), c.workLow() - bound});
                        brackets.add(new double[] {c.tauHigh(), c.workHigh() - bound});
                    });
        }
        if (!brackets.isEmpty()) {
            series.add(new ChartKit.Series("bracket of tau* (measured, crossover.csv)", brackets.stream()
                    .mapToDouble(c -> c[0]).toArray(), brackets.stream().mapToDouble(c -> c[1]).toArray(), true, false,
                    Color.GRAY).scatter());
        }
        if (!crossings.isEmpty()) {
            series.add(new ChartKit.Series("tau*: <W>_min = kT ln(1/eps), measured (crossover.csv)",
                    crossings.stream().mapToDouble(c -> c[0]).toArray(), crossings.stream().mapToDouble(c -> c[1])
                    .toArray(), true, false, Color.BLACK).scatter());
        }
        if (series.isEmpty()) {
            return List.of();
        }
        return ChartKit.lines("Dissipation above the Landauer bound versus protocol duration", "tau (tau_D)",
                "<W>_min - kT[ln 2 - H(eps)] (kT)", true, true, series, dir.resolve("speed_excess_vs_tau"));
    }

    private static List<Path> storingFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        final List<ChartKit.Series> series = new ArrayList<>();
        for (double hold : s.holdTimes()) {
            final List<Rows.Storing> pts = r.storing().stream().filter(f -> f.holdTime() == hold).toList();
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "barrier needed to hold %.3g tau_D", hold),
                    pts.stream().mapToDouble(Rows.Storing::logInverseError).toArray(),
                    pts.stream().mapToDouble(Rows.Storing::barrierNeeded).toArray(), true, false));
        }
        final List<Rows.Storing> er = r.storing().stream().filter(f -> f.erase() != null).toList();
        series.add(new ChartKit.Series(String.format(Locale.ROOT, "work to erase into that well in tau = %s tau_D",
                ClaimsRunner.fmt(s.storeEraseTau())),
                er.stream().mapToDouble(Rows.Storing::logInverseError).toArray(),
                er.stream().mapToDouble(p -> p.erase().fp().meanWork()).toArray(), true, false));
        final double max = r.storing().stream().mapToDouble(Rows.Storing::logInverseError).max().orElse(50);
        series.add(new ChartKit.Series("kT ln(1/eps)", new double[] {0, max}, new double[] {0, max}, false, true));
        series.add(new ChartKit.Series("kT ln 2", new double[] {0, max}, new double[] {Math.log(2), Math.log(2)}, false,
                true));
        return ChartKit.lines("Storing versus erasing a bit", "kT ln(1/eps) (kT)", "energy (kT)", false, false, series,
                dir.resolve("storing_vs_erasing"));
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
                        + "and time-step error together).", fmt(s.maxTilt()),
                fmt(s.barrierRange()[0]), fmt(s.barrierRange()[1]), s.evaluations(), s.seed()));
        rep.table(r.frontierTable()).table(r.frontierCheckTable());
        rep.paragraph("Deep in the tail, where sampling cannot reach, adaptive multilevel splitting (Monte Carlo, "
                + "independent of the Fokker-Planck solver) estimates eps of the frontier protocol with the smallest "
                + "error at the shortest duration whose target is at most 1e-15, among those within the numerical "
                + "tolerance and spanning at least 2000 Monte Carlo steps: `frontier_ams_check.csv`. Its time-step "
                + "error is the change of ln eps in a second estimate at twice the step; the check passes when the FP "
                + "value lies in the 99 % interval widened by that error.");
        rep.table(r.amsCheckTable()).figure("frontier_error_vs_work.png", "error versus work");
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
                + "bound too. `crossover.csv`.", s.crossoverSteps()));
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
        rep.section(2, "How to rerun", "`scripts/erasure claims` (or `--quick`); settings and seeds are in `run.json`. Any single "
                + "protocol from `frontier.csv` can be rerun by `scripts/erasure optimize --tau T --target-error E "
                + "--barrier-range LO:HI` and checked with `simulate` / `fokker-planck` on the `optimized.yaml` it writes.");
        return rep;
    }
}
