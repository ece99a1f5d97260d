package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.Erasure;
import org.erasure.ErasureRun;
import org.erasure.config.ErasureConfig;
import org.erasure.io.ResultFolder;
import org.erasure.io.RunRecord;
import org.erasure.io.Table;
import org.erasure.MultilevelReport;

/**
 * {@code simulate --work-within KT}: ⟨W⟩ within a total error by multilevel Monte Carlo. Writes DIR/summary.csv (one
 * row: ⟨W⟩ and its errors, and ⟨Q⟩ from the same levels with its own), DIR/levels.csv (one row per level) and DIR/run.json, in a folder of its own
 * (results/&lt;name&gt;/mlmc by default).
 */
final class MultilevelOutput {

    /** The kind of simulate run, recorded in run.json: a folder holds one kind of run. */
    static final String KIND = "--work-within";

    /** The command and kind a folder of this run's results belongs to. */
    static final String COMMAND = "simulate " + KIND;

    private MultilevelOutput() {
    }

    static int run(ErasureConfig config, CommonOptions common, double targetKT, List<String> args, PrintWriter out)
            throws Exception {
        if (!(targetKT > 0) || Double.isInfinite(targetKT)) {
            throw new IllegalArgumentException("--work-within must be a positive number of kT, got " + targetKT);
        }
        final int threads = common.threads();
        final Path dir = common.outDir(config.name(), "mlmc");
        ResultFolder.requireOwnOrEmpty(dir, COMMAND);
        final ErasureRun run = config.run();
        out.printf(Locale.ROOT, "%s: <W> within %s kT in total (sampling and time step) by multilevel Monte Carlo, "
                + "%d thread%s%n", config.name(), org.erasure.io.Csv.format(targetKT), threads,
                threads == 1 ? "" : "s");
        out.println("  the levels choose their own steps and trajectories (simulation.trajectories and dynamics.dt "
                + "are not used); <W> is estimated to the target and <Q> from the same levels, not eps");
        final MultilevelReport r = MultilevelReport.of(run, targetKT, threads, (dt, n, coupled, cost) -> {
            out.printf(Locale.ROOT, "  running %d trajectories at dt = %.4g tau_D%s (%.3g particle-steps)%n", n, dt,
                    coupled ? " with coupled paths at 2dt" : "", cost);
            out.flush();
        });
        print(out, "<W>", r.work(), r.met() ? "within the target" : "NOT within the target "
                + org.erasure.io.Csv.format(targetKT) + " kT (the work allowed was spent, or the levels ran out)");
        print(out, "<Q>", r.heat(), "from the same levels (the trajectories were chosen for <W>)");
        final List<Table.Row> levels = new ArrayList<>();
        for (int l = 0; l < r.levels().size(); l++) {
            final MultilevelReport.Level v = r.levels().get(l);
            out.printf(Locale.ROOT, "  level %d, dt = %.4g tau_D: %d trajectories, %s = %.6g +- %.2g kT%n", l,
                    v.dt(), v.trajectories(), v.coupled() ? "<W(dt) - W(2dt)>" : "<W>", v.mean(), v.standardError());
            final Table.Row row = new Table.Row().put("level", l).put("dt_tauD", v.dt());
            if (config.units().hasTimeScale()) {
                row.put("dt_s", v.dt() * config.units().timeUnitS());
            }
            levels.add(row.put("steps", v.steps()).put("trajectories", v.trajectories())
                    .put("sample", v.coupled() ? "W(dt) - W(2dt)" : "W").put("mean_kT", v.mean())
                    .put("standard_error_kT", v.standardError()).put("variance_kT2", v.variance()));
        }
        out.printf(Locale.ROOT, "  %.3g particle-steps in %.1f s (%s, seed %d)%n", r.particleSteps(), r.wallSeconds(),
                r.integrator(), r.seed());
        final Table.Row summary = new Table.Row();
        columns(summary, "work", r.work());
        summary.put("target_kT", targetKT).put("met", r.met()).put("levels", (long) r.levels().size())
                .put("particle_steps", r.particleSteps())
                .put("finest_dt_tauD", r.levels().get(r.levels().size() - 1).dt());
        columns(summary, "heat", r.heat());
        final Map<String, String> files = new LinkedHashMap<>();
        files.put("summary.csv", Table.of(summary).csv());
        files.put("levels.csv", Table.of(levels).csv());
        final Map<String, Object> info = new LinkedHashMap<>();
        info.put("threads", threads);
        info.put("random_source", Erasure.randomSource());
        info.put("integrator", r.integrator());
        info.put("seed", r.seed());
        info.put("wall_time_s", r.wallSeconds());
        info.put("method", "multilevel Monte Carlo (Giles, Oper. Res. 56, 607 (2008)); time-step error |mean of the "
                + "finest level's W(dt) - W(2dt)|, or half the level below's where larger");
        info.put("history", r.history());
        info.put("files_written", List.of("summary.csv", "levels.csv", "run.json"));
        info.put("kind", KIND);
        files.put("run.json", RunRecord.json("simulate", args, config.tree(), info, summary.asMap()));
        SimulateCommand.writeKeepingEarlier(dir, files, COMMAND, out);
        out.println("wrote " + dir.resolve("summary.csv") + ", " + dir.resolve("levels.csv") + " and "
                + dir.resolve("run.json"));
        return 0;
    }

    /** One mean with its errors on one line, then what it says about the target. */
    private static void print(PrintWriter out, String name, MultilevelReport.Mean m, String verdict) {
        out.printf(Locale.ROOT, "%s = %.6f kT +- %.2g (sampling) +- %.2g (time step, itself +- %.1g%s): total %.2g kT, "
                + "%s%n", name, m.value(), m.samplingError(), m.timeStepError(), m.timeStepErrorStderr(),
                m.timeStepErrorResolved() ? "" : "; not resolved: below twice its own error", m.totalError(), verdict);
    }

    /** A mean's columns: NAME_kT and its sampling, time-step (with its standard error) and total errors. */
    private static void columns(Table.Row row, String name, MultilevelReport.Mean m) {
        row.put(name + "_kT", m.value()).put(name + "_sampling_error_kT", m.samplingError())
                .put(name + "_time_step_error_kT", m.timeStepError())
                .put(name + "_time_step_error_stderr_kT", m.timeStepErrorStderr())
                .put(name + "_total_error_kT", m.totalError());
    }
}
