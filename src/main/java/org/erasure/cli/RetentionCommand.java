package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.config.ErasureConfig;
import org.erasure.Erasure;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Csv;
import org.erasure.io.RunRecord;
import org.erasure.physics.PhysicalUnits;
import org.erasure.physics.QuarticDoubleWell;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code erasure retention}: the exact hopping rate of a stored bit versus barrier height (from the
 * Fokker–Planck generator's spectrum), the time a bit is kept at given error probabilities, and the
 * barrier needed to keep it for a given time.
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Retention of a stored bit versus barrier height, from the exact hopping rate "
                + "(lowest non-zero eigenvalue of the Fokker-Planck generator) at the protocol's final controls.",
                "Writes DIR/retention.csv: one row per barrier height, with the rate, Kramers' estimate, the dense EJML "
                        + "eigensolver's cross-check of the rate (where it resolves it), and the "
                        + "retention time at each error probability."})
public final class RetentionCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--barriers", paramLabel = "MIN:MAX:STEP", defaultValue = "4:40:2",
            description = "Barrier heights E_b in kT (default ${DEFAULT-VALUE}).")
    String barriers;

    @Option(names = "--errors", paramLabel = "EPS,...", split = ",",
            defaultValue = "1e-6,1e-9,1e-15,2e-22",
            description = "Error probabilities (default ${DEFAULT-VALUE}).")
    List<Double> errors;

    @Option(names = "--hold-time", paramLabel = "T",
            description = "Also report the barrier needed to keep the bit for T at each error probability: T in tau_D, "
                    + "or in seconds with an s suffix (for example 3600s) when the configuration has a 'physical' "
                    + "section.")
    String holdTimeText;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "" + Erasure.DEFAULT_RATE_CELLS,
            description = "Grid cells for the rate (default ${DEFAULT-VALUE}).")
    int cells;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final ErasureConfig config = common.load();
        if (!(config.potential() instanceof QuarticDoubleWell)) {
            throw new IllegalArgumentException("retention scans the barrier of the quartic well only");
        }
        final double[] grid = parseRange(barriers);
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("--errors needs at least one error probability, for example 1e-6,1e-9");
        }
        for (double e : errors) {
            if (!(e > 0 && e < 0.5)) {
                throw new IllegalArgumentException("--errors: each error probability must lie in (0, 0.5), got " + e);
            }
        }
        ErasureApp.requireMemory("--cells " + cells, cells * 8.0 * 8);
        if (cells < 20) {
            throw new IllegalArgumentException("--cells must be at least 20, got " + cells);
        }
        final Double holdTime = holdTimeText == null ? null : Durations.parse("--hold-time", holdTimeText,
                config.units());
        final Path dir = common.outDir(config.name());
        final double tau = config.protocol().duration();
        final double c0 = config.protocol().control0(tau);
        final double c1 = config.protocol().control1(tau);
        final PhysicalUnits units = config.units();
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "retention %s: controls (%s) = (%.4g, %.4g), %d cells%n", config.name(),
                String.join(", ", config.potential().controlNames()), c0, c1, cells);
        if (units.hasTimeScale()) {
            out.printf(Locale.ROOT, "  %sretention times below in tau_D; the CSV also has them in s%n",
                    Durations.tauDSeconds(units));
        }

        final List<String> header = new ArrayList<>(List.of("barrier_kT", "hopping_rate_per_tauD",
                "hopping_rate_relative_numerical_error", "kramers_rate_per_tauD", "rate_over_kramers", "dense_ejml_check_relative_difference"));
        for (double e : errors) {
            header.add("retention_tauD_at_eps_" + org.erasure.io.Csv.format(e));
            if (units.hasTimeScale()) {
                header.add("retention_s_at_eps_" + org.erasure.io.Csv.format(e));
            }
        }
        final List<List<Object>> rows = new ArrayList<>();
        out.printf(Locale.ROOT, "  %8s %14s %9s %14s %8s %10s", "E_b (kT)", "lambda1 (1/tD)", "+- (rel)", "Kramers",
                "ratio", "dense chk");
        for (double e : errors) {
            out.printf(Locale.ROOT, " %14s", "t(eps=" + e + ")");
        }
        out.println();
        for (double eb : grid) {
            final QuarticDoubleWell w = QuarticDoubleWell.of(eb);
            final Erasure.HoppingRate hopping = Erasure.hoppingRate(w, c0, c1, cells);
            final double lambda = hopping.rate();
            final double relError = hopping.relativeError();
            final double kramers = hopping.kramersRate();
            final double dense = hopping.denseCheck();
            final List<Object> row = new ArrayList<>(List.of(eb, lambda, relError, kramers, lambda / kramers, dense));
            out.printf(Locale.ROOT, "  %8.3g %14.6g %9.1e %14.6g %8.5f %10s", eb, lambda, relError, kramers,
                    lambda / kramers,
                    Double.isNaN(dense) ? "-" : String.format(Locale.ROOT, "%.1e", dense));
            for (double e : errors) {
                final double t = Erasure.retentionTime(lambda, e);
                row.add(t);
                if (units.hasTimeScale()) {
                    row.add(t * units.timeUnitS());
                }
                out.printf(Locale.ROOT, " %14.4g", t);
            }
            out.println();
            rows.add(row);
        }
        final Map<String, String> files = new LinkedHashMap<>();
        files.put("retention.csv", Csv.table(header, rows));
        final Map<String, Object> needed = new LinkedHashMap<>();
        if (holdTime != null) {
            final List<List<Object>> nrows = new ArrayList<>();
            for (double e : errors) {
                final Erasure.StorageBarrier eb = Erasure.barrierNeeded(QuarticDoubleWell::of, c0, c1, holdTime, e,
                        cells);
                nrows.add(List.of(holdTime, e, eb.kT(), eb.numericalErrorKT()));
                needed.put("barrier_kT_for_eps_" + org.erasure.io.Csv.format(e), eb.kT());
                needed.put("barrier_numerical_error_kT_for_eps_" + org.erasure.io.Csv.format(e), eb.numericalErrorKT());
                out.printf(Locale.ROOT, "  keeping the bit %.4g tau_D at eps = %.3g needs E_b = %.4f +- %.1g kT (numerical)%n",
                        holdTime, e, eb.kT(), eb.numericalErrorKT());
            }
            files.put("barrier_needed.csv", Csv.table(List.of("hold_time_tauD", "error_rate", "barrier_kT",
                    "barrier_numerical_error_kT"), nrows));
        }
        final Map<String, Object> info = new LinkedHashMap<>();
        info.put("cells", cells);
        info.put("controls", List.of(c0, c1));
        files.put("retention.json", RunRecord.json("retention", spec.commandLine().getParseResult().originalArgs(),
                config.tree(), info, needed));
        AtomicFiles.writeAll(dir, files);
        out.println("wrote " + dir.resolve("retention.csv"));
        out.flush();
        return 0;
    }

    /** Above this barrier (kT) the rate e^{−E_b} leaves the range of doubles. */
    static final double MAX_BARRIER_KT = 700;

    static double[] parseRange(String spec) {
        final String[] parts = spec.split(":");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            final double lo = Double.parseDouble(parts[0]);
            final double hi = Double.parseDouble(parts[1]);
            final double step = Double.parseDouble(parts[2]);
            if (!(lo > 0) || !(hi >= lo) || !(step > 0) || (hi - lo) / step > 10_000) {
                throw new IllegalArgumentException("--barriers: need 0 < MIN <= MAX and STEP > 0, got " + spec);
            }
            if (hi > MAX_BARRIER_KT) {
                throw new IllegalArgumentException("--barriers: barriers above " + (int) MAX_BARRIER_KT + " kT give "
                        + "hopping rates below the smallest double (e^-" + (int) MAX_BARRIER_KT + "), got " + spec);
            }
            final int n = (int) Math.floor((hi - lo) / step + 1e-9) + 1;
            final double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = lo + i * step;
            }
            return out;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--barriers: expected MIN:MAX:STEP, got " + spec);
        }
    }
}
