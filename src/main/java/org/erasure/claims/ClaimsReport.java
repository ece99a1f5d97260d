package org.erasure.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Report;
import org.erasure.io.Table;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;
import org.erasure.plot.Figures;

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

        final Map<String, String> files = new LinkedHashMap<>();
        final Table[] tables = {r.approachTable(), r.approachFitTable(), r.frontierTable(), r.frontierCheckTable(),
            r.amsCheckTable(), r.storingTable(), r.speedTable(), r.verdictTable()};
        final String[] names = {"approach", "approach_fit", "frontier", "frontier_mc_check", "frontier_ams_check",
            "storing", "speed", "verdict"};
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

    private static List<Path> approachFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final Table t = Table.of(r.approach().stream().map(a -> new Table.Row().put("protocol.tau", a.tau())
                .put("mean_work_kT", a.fp().meanWork())).toList());
        return Figures.workVersusTau(t, "", dir.resolve("approach_work_vs_tau"));
    }

    private static List<Path> frontierFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final List<Rows.Frontier> rows = r.frontier().stream().filter(Rows.Frontier::feasible).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        return Figures.errorVersusEnergy(Rows.table(rows, Rows.Frontier::row), "", dir.resolve("frontier_error_vs_work"));
    }

    private static List<Path> speedFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        final List<Figures.Series> series = new ArrayList<>();
        for (double eps : s.frontierErrors()) {
            final List<Rows.Frontier> pts = r.frontier().stream().filter(f -> f.targetError() == eps && f.feasible())
                    .toList();
            if (pts.isEmpty()) {
                continue;
            }
            final double[] tau = pts.stream().mapToDouble(Rows.Frontier::tau).toArray();
            final double[] ex = pts.stream().mapToDouble(p -> Math.max(1e-6, p.fp().excessOverLandauer())).toArray();
            series.add(new Figures.Series(String.format(Locale.ROOT, "eps <= %.3g", eps), tau, ex, true, false));
            final double gap = ErasureBounds.logInverseError(eps) - ErasureBounds.generalizedLandauer(eps);
            series.add(new Figures.Series(String.format(Locale.ROOT, "kT ln(1/eps) - kT[ln2 - H], eps = %.3g", eps),
                    new double[] {tau[0], tau[tau.length - 1]}, new double[] {gap, gap}, false, true));
        }
        if (series.isEmpty()) {
            return List.of();
        }
        return Figures.lines("Dissipation above the Landauer bound versus protocol duration", "tau (tau_D)",
                "<W>_min - kT[ln 2 - H(eps)] (kT)", true, true, series, dir.resolve("speed_excess_vs_tau"));
    }

    private static List<Path> storingFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        final List<Figures.Series> series = new ArrayList<>();
        for (double hold : s.holdTimes()) {
            final List<Rows.Storing> pts = r.storing().stream().filter(f -> f.holdTime() == hold).toList();
            series.add(new Figures.Series(String.format(Locale.ROOT, "barrier needed to hold %.3g tau_D", hold),
                    pts.stream().mapToDouble(Rows.Storing::logInverseError).toArray(),
                    pts.stream().mapToDouble(Rows.Storing::barrierNeeded).toArray(), true, false));
        }
        final List<Rows.Storing> er = r.storing().stream().filter(f -> f.erase() != null).toList();
        series.add(new Figures.Series(String.format(Locale.ROOT, "work to erase into that well in tau = %s tau_D",
                ClaimsRunner.fmt(s.storeEraseTau())),
                er.stream().mapToDouble(Rows.Storing::logInverseError).toArray(),
                er.stream().mapToDouble(p -> p.erase().fp().meanWork()).toArray(), true, false));
        final double max = r.storing().stream().mapToDouble(Rows.Storing::logInverseError).max().orElse(50);
        series.add(new Figures.Series("kT ln(1/eps)", new double[] {0, max}, new double[] {0, max}, false, true));
        series.add(new Figures.Series("kT ln 2", new double[] {0, max}, new double[] {Math.log(2), Math.log(2)}, false,
                true));
        return Figures.lines("Storing versus erasing a bit", "kT ln(1/eps) (kT)", "energy (kT)", false, false, series,
                dir.resolve("storing_vs_erasing"));
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
                + "U = E_b[x^4 - 2g x^2] - F x at %.0f K (kT = %.4g J = %.4g eV), overdamped, reduced units (energy kT, "
                + "length x_m, time tau_D = gamma x_m^2/kT). Numbers without sampling noise come from the "
                + "Fokker-Planck solver: searches run on %d cells and %d steps (second order in time), and every "
                + "value tabulated is solved again on twice the cells and steps (up to 8x where its numerical error "
                + "exceeds 1 %% in eps or 1e-3 kT in <W>); the `_numerical_error` columns give that error (the "
                + "difference to the solution at half the resolution) and `within_numerical_tolerance` whether it "
                + "meets the tolerance. Monte Carlo confirms the numbers where sampling can resolve the error. Every "
                + "table has its CSV beside this file.", command, wall,
                s.temperatureK(), u.kTJoule(), u.toElectronVolt(1), s.cells(), s.timeSteps()));
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
                        + "minimum; `on_search_bounds` names parameters that sit on a bound of the search box). "
                        + "`frontier.csv`. Below it, a frontier point that sampling can resolve (four-step, "
                        + "tilt tuned to the error) confirmed by Monte Carlo: `frontier_mc_check.csv`.", fmt(s.maxTilt()),
                fmt(s.barrierRange()[0]), fmt(s.barrierRange()[1])));
        rep.table(r.frontierTable()).table(r.frontierCheckTable());
        rep.paragraph("Deep in the tail, where sampling cannot reach, adaptive multilevel splitting (Monte Carlo, "
                + "independent of the Fokker-Planck solver) estimates eps of the frontier protocol with the smallest "
                + "error at the shortest duration whose target is at most 1e-15: `frontier_ams_check.csv`.");
        rep.table(r.amsCheckTable()).figure("frontier_error_vs_work.png", "error versus work");
        for (Section sec : List.of(
                new Section("3. Storing versus erasing", "Barrier needed to keep a bit for a hold time at error eps, "
                        + "from the exact hopping rate (lowest non-zero eigenvalue of the Fokker-Planck generator, "
                        + "eps(t) = [1 - exp(-lambda_1 t)]/2), and the minimal work of an erasure that ends with that "
                        + "barrier. `storing.csv`.", r.storingTable(), "storing_vs_erasing.png"),
                new Section("4. Speed", "Dissipation above kT[ln2 - H(eps)] of the optimal protocols versus duration, at "
                        + "fixed eps; the fit <W>_min = W_inf + B/tau and the duration below which the minimal work would "
                        + "reach kT ln(1/eps). `speed.csv`.", r.speedTable(), "speed_excess_vs_tau.png"))) {
            rep.section(2, sec.heading(), sec.text()).table(sec.table()).figure(sec.figure(), sec.heading());
        }
        rep.section(2, "How to rerun", "`scripts/erasure claims` (or `--quick`); settings and seeds are in `run.json`. Any single "
                + "protocol from `frontier.csv` can be rerun by `scripts/erasure optimize --tau T --target-error E "
                + "--barrier-range LO:HI` and checked with `simulate` / `fokker-planck` on the `optimized.yaml` it writes.");
        return rep;
    }
}
