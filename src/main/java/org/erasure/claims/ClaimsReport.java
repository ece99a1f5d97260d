package org.erasure.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Csv;
import org.erasure.physics.ErasureBounds;
import org.erasure.physics.PhysicalUnits;
import org.erasure.plot.Figures;

/**
 * Writes the claims report: report.md, a self-contained report.html (figures inline), the CSV behind
 * every table and figure, and the figures as PNG and SVG.
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
        files.put("approach.csv", csv(r.approach()));
        files.put("approach_fit.csv", csv(List.of(r.approachFit())));
        files.put("frontier.csv", csv(r.frontier()));
        files.put("frontier_mc_check.csv", csv(List.of(r.frontierCheck())));
        files.put("storing.csv", csv(r.storing()));
        files.put("speed.csv", csv(r.speed()));
        files.put("verdict.csv", csv(r.verdict()));
        final String md = markdown(s, r, command, wallSeconds);
        files.put("report.md", md);
        files.put("report.html", html(md, dir));
        files.put("run.json", runJson);
        AtomicFiles.writeAll(dir, files);
        final List<Path> out = new ArrayList<>(figures);
        files.keySet().forEach(f -> out.add(dir.resolve(f)));
        return out;
    }

    static String csv(List<Map<String, Object>> rows) {
        final Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        final List<List<Object>> table = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            final List<Object> line = new ArrayList<>();
            for (String c : cols) {
                line.add(r.getOrDefault(c, ""));
            }
            table.add(line);
        }
        return Csv.table(new ArrayList<>(cols), table);
    }

    private static Map<String, List<String>> columns(List<Map<String, Object>> rows) {
        final Map<String, List<String>> m = new LinkedHashMap<>();
        final Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        for (String c : cols) {
            final List<String> v = new ArrayList<>();
            rows.forEach(r -> v.add(Csv.format(r.getOrDefault(c, ""))));
            m.put(c, v);
        }
        return m;
    }

    private static List<Path> approachFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> a : r.approach()) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol.tau", a.get("protocol.tau"));
            m.put("mean_work_kT", a.get("mean_work_kT"));
            rows.add(m);
        }
        return Figures.workVersusTau(columns(rows), "", dir.resolve("approach_work_vs_tau"));
    }

    private static List<Path> frontierFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final List<Map<String, Object>> rows = r.frontier().stream().filter(f -> (Boolean) f.get("feasible")).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        return Figures.errorVersusEnergy(columns(rows), "", dir.resolve("frontier_error_vs_work"));
    }

    private static List<Path> speedFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        final List<Figures.Series> series = new ArrayList<>();
        for (double eps : s.frontierErrors()) {
            final List<Map<String, Object>> pts = r.frontier().stream()
                    .filter(f -> (Double) f.get("target_error") == eps && (Boolean) f.get("feasible")).toList();
            if (pts.isEmpty()) {
                continue;
            }
            final double[] tau = pts.stream().mapToDouble(p -> (Double) p.get("protocol.tau")).toArray();
            final double[] ex = pts.stream().mapToDouble(p -> Math.max(1e-6, (Double) p.get("excess_over_landauer_kT")))
                    .toArray();
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
            final List<Map<String, Object>> pts = r.storing().stream()
                    .filter(f -> (Double) f.get("hold_time_tauD") == hold).toList();
            series.add(new Figures.Series(String.format(Locale.ROOT, "barrier needed to hold %.3g tau_D", hold),
                    pts.stream().mapToDouble(p -> (Double) p.get("log_inverse_error_kT")).toArray(),
                    pts.stream().mapToDouble(p -> (Double) p.get("barrier_needed_kT")).toArray(), true, false));
        }
        final List<Map<String, Object>> er = r.storing().stream().filter(f -> f.containsKey("erase_mean_work_kT")).toList();
        series.add(new Figures.Series(String.format(Locale.ROOT, "work to erase into that well in tau = %s tau_D",
                ClaimsRunner.fmt(s.storeEraseTau())),
                er.stream().mapToDouble(p -> (Double) p.get("log_inverse_error_kT")).toArray(),
                er.stream().mapToDouble(p -> (Double) p.get("erase_mean_work_kT")).toArray(), true, false));
        final double max = r.storing().stream().mapToDouble(p -> (Double) p.get("log_inverse_error_kT")).max().orElse(50);
        series.add(new Figures.Series("kT ln(1/eps)", new double[] {0, max}, new double[] {0, max}, false, true));
        series.add(new Figures.Series("kT ln 2", new double[] {0, max}, new double[] {Math.log(2), Math.log(2)}, false,
                true));
        return Figures.lines("Storing versus erasing a bit", "kT ln(1/eps) (kT)", "energy (kT)", false, false, series,
                dir.resolve("storing_vs_erasing"));
    }

    static String fmt(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e7) {
                return Long.toString(d.longValue());
            }
            return String.format(Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }

    static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "(none)\n";
        }
        final Set<String> cols = new LinkedHashSet<>();
        rows.forEach(r -> cols.addAll(r.keySet()));
        final StringBuilder sb = new StringBuilder("| " + String.join(" | ", cols) + " |\n|");
        cols.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (Map<String, Object> r : rows) {
            sb.append("| ");
            for (String c : cols) {
                sb.append(fmt(r.getOrDefault(c, "")).replace("|", "/")).append(" | ");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String markdown(ClaimsSettings s, ClaimsRunner.Results r, String command, double wall) {
        final PhysicalUnits u = PhysicalUnits.thermal(s.temperatureK());
        final StringBuilder md = new StringBuilder();
        md.append("# Can a bit be erased reliably for about kT ln 2?\n\n");
        md.append(String.format(Locale.ROOT, "Produced by `%s` in %.0f s. Brownian particle in the quartic double well "
                + "U = E_b[x^4 - 2g x^2] - F x at %.0f K (kT = %.4g J = %.4g eV), overdamped, reduced units (energy kT, "
                + "length x_m, time tau_D = gamma x_m^2/kT). Numbers without sampling noise come from the "
                + "Fokker-Planck solver: searches run on %d cells and %d steps (second order in time), and every "
                + "value tabulated is solved again on twice the cells and steps (up to 8x where its numerical error "
                + "exceeds 1 %% in eps or 1e-3 kT in <W>); the `_numerical_error` columns give that error (the "
                + "difference to the solution at half the resolution) and `within_numerical_tolerance` whether it "
                + "meets the tolerance. Monte Carlo confirms the numbers where sampling can resolve the error. Every "
                + "table has its CSV beside this file.%n%n", command, wall,
                s.temperatureK(), u.kTJoule(), u.toElectronVolt(1), s.cells(), s.timeSteps()));
        final List<String> loose = ClaimsRunner.outsideTolerance(r);
        if (!loose.isEmpty()) {
            md.append("**Numerical accuracy:** outside the tolerance, to be read with their stated numerical errors: ")
                    .append(String.join("; ", loose)).append(".\n\n");
        }
        md.append("## Verdict\n\n").append(table(r.verdict())).append('\n');
        if (!r.faults().isEmpty()) {
            md.append("**Numerical faults:** ").append(String.join("; ", r.faults())).append("\n\n");
        }
        md.append("## 1. Approach to kT ln 2\n\n");
        md.append(String.format(Locale.ROOT, "Four-step protocol (E_b = %s kT, g_min = %s, F_max = %s kT) at durations "
                        + "over %.1f decades. `approach.csv`, `approach_fit.csv`.%n%n", fmt(s.approachBarrier()),
                fmt(s.approachGMin()), fmt(s.approachTilt()), Math.log10(s.approachTaus().get(s.approachTaus().size() - 1)
                        / s.approachTaus().get(0))));
        md.append(table(r.approach())).append('\n').append(table(List.of(r.approachFit()))).append('\n');
        md.append("![work versus tau](approach_work_vs_tau.png)\n\n");
        md.append("## 2. Error-energy frontier\n\n");
        md.append(String.format(Locale.ROOT, "Minimal <W> over four-step protocols (g_min, F_max <= %s kT, phase durations, "
                        + "barrier E_b in [%s, %s] kT) subject to eps <= target, by CMA-ES then BOBYQA on the "
                        + "Fokker-Planck solution (each value is the least work found, an upper bound of the true "
                        + "minimum). `frontier.csv`. Below it, a frontier point that sampling can resolve (four-step, "
                        + "tilt tuned to the error) confirmed by Monte Carlo: `frontier_mc_check.csv`.%n%n", fmt(s.maxTilt()), fmt(s.barrierRange()[0]),
                fmt(s.barrierRange()[1])));
        md.append(table(r.frontier())).append('\n').append(table(List.of(r.frontierCheck()))).append('\n');
        md.append("![error versus work](frontier_error_vs_work.png)\n\n");
        md.append("## 3. Storing versus erasing\n\n");
        md.append("Barrier needed to keep a bit for a hold time at error eps, from the exact hopping rate (lowest non-zero "
                + "eigenvalue of the Fokker-Planck generator, eps(t) = [1 - exp(-lambda_1 t)]/2), and the minimal work of "
                + "an erasure that ends with that barrier. `storing.csv`.\n\n");
        md.append(table(r.storing())).append('\n').append("![storing versus erasing](storing_vs_erasing.png)\n\n");
        md.append("## 4. Speed\n\n");
        md.append("Dissipation above kT[ln2 - H(eps)] of the optimal protocols versus duration, at fixed eps; the fit "
                + "<W>_min = W_inf + B/tau and the duration below which the minimal work would reach kT ln(1/eps). "
                + "`speed.csv`.\n\n");
        md.append(table(r.speed())).append('\n').append("![excess versus tau](speed_excess_vs_tau.png)\n\n");
        md.append("## How to rerun\n\n`scripts/erasure claims` (or `--quick`); settings and seeds are in `run.json`. "
                + "Any single protocol from `frontier.csv` can be rerun by `scripts/erasure optimize --tau T "
                + "--target-error E --barrier-range LO:HI` and checked with `simulate` / `fokker-planck` on the "
                + "`optimized.yaml` it writes.\n");
        return md.toString();
    }

    /** A self-contained HTML rendering of the Markdown: tables, headings, figures inline as base64 PNG. */
    static String html(String md, Path dir) throws IOException {
        final StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Claims "
                + "report</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;line-height:1.4}"
                + "table{border-collapse:collapse;font-size:0.85em;margin:1em 0}td,th{border:1px solid #bbb;"
                + "padding:3px 6px;vertical-align:top}th{background:#eee}img{max-width:100%}code{background:#f4f4f4}"
                + "</style></head><body>\n");
        final String[] lines = md.split("\n");
        boolean inTable = false;
        boolean header = false;
        for (String line : lines) {
            if (line.startsWith("|")) {
                final String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
                if (!inTable) {
                    h.append("<table>\n");
                    inTable = true;
                    header = true;
                }
                if (line.startsWith("|---")) {
                    continue;
                }
                h.append("<tr>");
                for (String c : cells) {
                    h.append(header ? "<th>" : "<td>").append(inline(c.trim())).append(header ? "</th>" : "</td>");
                }
                h.append("</tr>\n");
                header = false;
                continue;
            }
            if (inTable) {
                h.append("</table>\n");
                inTable = false;
            }
            if (line.startsWith("# ")) {
                h.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
            } else if (line.startsWith("## ")) {
                h.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
            } else if (line.startsWith("![")) {
                final String file = line.substring(line.indexOf('(') + 1, line.indexOf(')'));
                final Path png = dir.resolve(file);
                if (Files.exists(png)) {
                    h.append("<p><img alt=\"").append(esc(file)).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\"></p>\n");
                }
            } else if (!line.isBlank()) {
                h.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (inTable) {
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String inline(String s) {
        return esc(s).replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>").replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
