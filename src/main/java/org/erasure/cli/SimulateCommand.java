package org.erasure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.erasure.Erasure;
import org.erasure.config.ErasureConfig;
import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.model.ErasureProblem;
import org.erasure.model.UnsupportedProblemException;
import org.erasure.rare.AmsTimeStep;
import org.erasure.langevin.TimeStepRefinement;
import org.erasure.rare.AmsSettings;
import org.erasure.io.AtomicFiles;
import org.erasure.io.Table;
import org.erasure.io.MonteCarloSummary;
import org.erasure.io.RunRecord;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.LangevinRun;
import org.erasure.stats.Recording;
import org.erasure.physics.PhysicalUnits;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code erasure simulate}: Langevin Monte Carlo of one configuration. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Langevin Monte Carlo of one erasure configuration.",
                "Prints <W>, <Q> and the error probability with their sampling and time-step errors (coupled paths "
                        + "at twice the step; dynamics.dt: auto halves the step until they meet the tolerance) beside "
                        + "the bounds kT[ln2 - H(eps)] and kT ln(1/eps); writes DIR/summary.csv and DIR/run.json."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "2:bad input (configuration, options, files)",
                "3:the run diverged (time step too large)"})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Option(names = "--per-trajectory", description = "Also write DIR/trajectories.csv: each "
            + "trajectory's initial well and position, final position, W, W+, W-, Q and whether it ended wrong (one row "
            + "per trajectory, numbered as the seed's streams number them: the same rows at any thread count).")
    boolean perTrajectory;

    @CommandLine.Option(names = "--paths", paramLabel = "K", defaultValue = "0", description = "Also write "
            + "DIR/paths.csv: the positions of the first K trajectories on a time grid (--path-points); default 0.")
    int paths;

    @CommandLine.Option(names = "--path-points", paramLabel = "M", defaultValue = "201",
            description = "Times of the sample paths, equally spaced over the run (default ${DEFAULT-VALUE}).")
    int pathPoints;

    @CommandLine.Option(names = "--error-times", paramLabel = "T,...", split = ",", description = "Also write "
            + "DIR/error_vs_time.csv: eps(t), the fraction on the wrong side of the barrier of that time, at these "
            + "times (tau_D, or seconds with an s suffix and a physical section), with 95 %% intervals.")
    List<String> errorTimes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final ErasureConfig config = common.load();
        final int threads = common.threads();
        final Path dir = common.outDir(config.name(), "mc");
        org.erasure.io.ResultFolder.requireOwnOrEmpty(dir, "simulate");
        final LangevinRun run = config.monteCarlo().run(config.problem());
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "simulate %s: %s %s, tau = %.4g tau_D, dt = %.3g tau_D (%d steps), "
                        + "%d trajectories, seed %d, %d thread%s%n", config.name(),
                run.integrator().underdamped() ? "underdamped (mass " + run.mass() + ")" : "overdamped",
                run.integrator().key(),
                run.problem().protocol().duration(), run.effectiveDt(), run.steps(), run.trajectories(), run.seed(), threads,
                threads == 1 ? "" : "s");
        out.println(Durations.timeScales(config));
        // a rough forecast (1e8 particle-steps/s per thread, the slower integrators' order): said before a long run
        final double forecast = (double) run.trajectories() * run.grid().totalSteps() / (1e8 * threads);
        if (forecast > 60) {
            out.printf(Locale.ROOT, "  this run will take about %s (%.3g particle-steps); Ctrl-C stops it without "
                    + "writing anything%n", duration(forecast), (double) run.trajectories() * run.grid().totalSteps());
            out.flush();
        }

        final long t0 = System.nanoTime();
        final Recording[] recording = new Recording[1];
        final long[] particleSteps = new long[1];
        final org.erasure.langevin.MonteCarloSettings settings = config.monteCarlo();
        if (settings.autoDt()) {
            out.printf(Locale.ROOT, "  dt: auto - starting at %.3g tau_D (a tenth of the stability limit), halving while "
                    + "a value's time-step error exceeds the tolerance (eps %.3g relative; energies max(%.3g kT, "
                    + "1e-4 of themselves, half their standard error))%n", run.effectiveDt(),
                    settings.tolerance().errorRateRelative(), settings.tolerance().energyKT());
            out.flush();
        }
        final TimeStepRefinement.Outcome mc = TimeStepRefinement.run(run, settings.tolerance(), settings.autoDt(),
                (r, main) -> {
                    final Recording rec = main ? recording(config, r) : null;
                    if (main) {
                        recording[0] = rec;
                    } else {
                        out.printf(Locale.ROOT, "  2dt = %.3g tau_D is beyond the stability limit: the time-step error "
                                + "comes from a second run at dt/2 = %.3g tau_D coupled to dt%n", 2 * run.effectiveDt(),
                                r.effectiveDt());
                        out.flush();
                    }
                    particleSteps[0] += r.trajectories() * r.grid().totalSteps();
                    try (Progress progress = Progress.of(String.format(Locale.ROOT, "simulate dt=%.3g",
                            r.effectiveDt()), r.trajectories(), "traj")) {
                        return LangevinMonteCarlo.run(r, threads, progress.listener(), rec);
                    }
                });
        if (settings.autoDt()) {
            mc.history().forEach(h -> out.println("    " + h));
        }
        final ErasureTally tally = mc.tally();
        final double wall = (System.nanoTime() - t0) * 1e-9;
        AmsTimeStep.Outcome ams = null;
        final long t1 = System.nanoTime();
        if (config.rareEvent().isPresent()) {
            final AmsSettings a = config.rareEvent().get();
            out.printf(Locale.ROOT, "  rare events: adaptive multilevel splitting, %d replicas, %d repetitions per bit "
                    + "value, score %s; again at 2dt (dt/2 where 2dt is unstable) for the time-step error%n",
                    a.replicas(), a.repetitions(),
                    org.erasure.rare.Score.resolve(a.score(), config.problem()));
            out.flush();
            ams = AmsTimeStep.estimate(mc.run(), a, threads, settings.tolerance(), settings.autoDt());
            if (settings.autoDt() || ams.history().size() > 1) {
                ams.history().forEach(h -> out.println("    splitting " + h));
            }
        }
        final Table.Row summary = MonteCarloSummary.columns(config.run(), mc, wall, finiteTimeBound(config), ams);
        // every run made (dt: auto's refinements, the run at dt/2 where 2dt is unstable) counts, coupled paths aside
        summary.put("particle_steps_per_s", particleSteps[0] / wall);
        if (ams != null) {
            summary.put("ams_wall_time_s", (System.nanoTime() - t1) * 1e-9);
        }
        report(out, config.units(), summary);
        if (tally.workHistogram() != null) {
            histogramNote(out, tally.workHistogram(), tally.trajectories());
        }

        final Map<String, String> files = new LinkedHashMap<>();
        files.put("summary.csv", Table.of(summary).csv());
        if (tally.workHistogram() != null) {
            files.put("work_histogram.csv", histogramCsv(tally.workHistogram()));
        }
        if (recording[0] != null) {
            files.putAll(recordingFiles(recording[0], config.units()));
        }
        final Map<String, Object> runInfo = new LinkedHashMap<>();
        runInfo.put("threads", threads);
        runInfo.put("block_size", LangevinMonteCarlo.blockSize());
        runInfo.put("random_source", LangevinMonteCarlo.RANDOM_SOURCE);
        runInfo.put("seed", run.seed());
        runInfo.put("wall_time_s", wall);
        final List<String> before = listFiles(dir);
        final List<String> written = new java.util.ArrayList<>(files.keySet());
        written.add("run.json");
        runInfo.put("files_written", written);
        files.put("run.json", RunRecord.json("simulate", Arrays.asList(spec.commandLine().getParseResult()
                .originalArgs().toArray(new String[0])), config.tree(), runInfo, summary.asMap()));
        // nothing of an earlier run is deleted: files this run does not rewrite (an earlier run's trajectories.csv,
        // its figures) are set aside in earlier-<time>/, and what it replaces is said
        final List<String> replaced = before.stream().filter(files::containsKey).toList();
        final Path aside = org.erasure.io.ResultFolder.setAside(dir, before.stream().filter(f -> !files.containsKey(f))
                .toList());
        AtomicFiles.writeAll(dir, files);
        if (!replaced.isEmpty()) {
            out.println("replaced an earlier simulate run's " + String.join(", ", replaced) + " in " + dir);
        }
        if (aside != null) {
            try (var moved = java.nio.file.Files.list(aside)) {
                out.println("set aside the earlier run's files that this run does not rewrite, in " + aside + ": "
                        + String.join(", ", moved.map(f -> f.getFileName().toString()).sorted().toList()));
            }
        }
        out.println("wrote " + dir.resolve("summary.csv") + " and " + dir.resolve("run.json"));
        return 0;
    }

    /** What --per-trajectory, --paths and --error-times ask to record (null: nothing), checked before the run. */
    private Recording recording(ErasureConfig config, LangevinRun run) {
        if (!perTrajectory && paths == 0 && errorTimes == null) {
            return null;
        }
        if (paths < 0 || pathPoints < 2 || pathPoints > 100_000) {
            throw new IllegalArgumentException("need --paths >= 0 and 2 <= --path-points <= 100000, got " + paths + " and "
                    + pathPoints);
        }
        if (perTrajectory) {
            ErasureApp.requireMemory("--per-trajectory with " + run.trajectories() + " trajectories",
                    run.trajectories() * 120.0);
        }
        ErasureApp.requireMemory("--paths " + paths, (double) Math.min(paths, run.trajectories()) * pathPoints * 8);
        final double[] times = errorTimes == null ? new double[0]
                : errorTimes.stream().mapToDouble(t -> Durations.parse("--error-times", t, config.units(), true))
                .toArray();
        return Recording.of(run.trajectories(), run.grid().totalSteps(), run.effectiveDt(), perTrajectory, paths, pathPoints, times);
    }

    /** trajectories.csv, paths.csv and error_vs_time.csv, as asked. */
    /** trajectories.csv, paths.csv and error_vs_time.csv, as asked; times also in seconds with a physical time scale. */
    private Map<String, String> recordingFiles(Recording r, PhysicalUnits units) {
        final Map<String, String> files = new LinkedHashMap<>();
        if (r.trajectories() > 0) {
            final StringBuilder sb = new StringBuilder("trajectory,initial_well,initial_x_xm,final_x_xm,work_kT,"
                    + "work_plus_kT,work_minus_kT,heat_kT,wrong\n");
            for (int i = 0; i < r.trajectories(); i++) {
                sb.append(i).append(',').append(r.initialBit(i) == 0 ? "left" : "right").append(',')
                        .append(org.erasure.io.Csv.format(r.initialX(i))).append(',')
                        .append(org.erasure.io.Csv.format(r.finalX(i))).append(',')
                        .append(org.erasure.io.Csv.format(r.work(i))).append(',')
                        .append(org.erasure.io.Csv.format(r.workPlus(i))).append(',')
                        .append(org.erasure.io.Csv.format(r.workMinus(i))).append(',')
                        .append(org.erasure.io.Csv.format(r.heat(i))).append(',').append(r.wrong(i)).append('\n');
            }
            files.put("trajectories.csv", sb.toString());
        }
        if (r.paths() > 0) {
            final List<Table.Row> rows = new java.util.ArrayList<>();
            final double[] t = r.pathTimes();
            for (int j = 0; j < t.length; j++) {
                final Table.Row row = new Table.Row().put("time_tauD", t[j]);
                if (units.hasTimeScale()) {
                    row.put("time_s", t[j] * units.timeUnitS());
                }
                for (int p = 0; p < r.paths(); p++) {
                    row.put("x_xm_trajectory_" + p, r.path(p)[j]);   // numbered as trajectories.csv numbers them
                }
                rows.add(row);
            }
            files.put("paths.csv", Table.of(rows).csv());
        }
        final double[] et = r.errorTimes();
        if (et.length > 0) {
            final List<Table.Row> rows = new java.util.ArrayList<>();
            for (int j = 0; j < et.length; j++) {
                final long w0 = r.wrongAt(j, 0);
                final long w1 = r.wrongAt(j, 1);
                final org.erasure.stats.BinomialInterval ci = org.erasure.stats.BinomialInterval.clopperPearson(w0 + w1,
                        r.started(0) + r.started(1));
                final Table.Row row = new Table.Row().put("time_tauD", et[j]);
                if (units.hasTimeScale()) {
                    row.put("time_s", et[j] * units.timeUnitS());
                }
                rows.add(row.put("error_rate", ci.rate())
                        .put("error_ci_low", ci.low()).put("error_ci_high", ci.high())
                        .put("error_rate_from_left", r.started(0) == 0 ? Double.NaN : (double) w0 / r.started(0))
                        .put("error_rate_from_right", r.started(1) == 0 ? Double.NaN : (double) w1 / r.started(1))
                        .put("wrong", w0 + w1));
            }
            files.put("error_vs_time.csv", Table.of(rows).csv());
        }
        return files;
    }

    /**
     * The finite-time bound ΔF + W₂²/τ needs the densities, which sampling does not give: it comes from the
     * Fokker–Planck solution of the same problem's protocol at the configuration's own grid
     * (fokker_planck.*), with its numerical error. Null where the solver does not apply (underdamped
     * dynamics, a fixed start).
     */
    static FokkerPlanckSolution finiteTimeBound(ErasureConfig config) {
        final ErasureProblem protocolOnly = config.problem().withHold(0);
        try {
            FokkerPlanckEngine.requireSupported(protocolOnly);
        } catch (UnsupportedProblemException e) {
            return null;
        }
        return Erasure.solve(protocolOnly, config.fokkerPlanck().withSnapshots());
    }

    /** Seconds as a reader says them: s, min, h, days or years. */
    static String duration(double s) {
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

    static void report(PrintWriter out, PhysicalUnits units, Table.Row s) {
        final double w = s.number("mean_work_kT");
        final double eps = s.number("error_rate");
        out.printf(Locale.ROOT, "  <W>   = %.4f +- %.4f (sampling) +- %s (time step) kT  = %.4g zJ = %.4g eV   (sd %.3f kT)%n",
                w, s.number("stderr_work_kT"), stepError(s.number("mean_work_timestep_error_kT")),
                units.toZeptoJoule(w), units.toElectronVolt(w), s.number("sd_work_kT"));
        out.printf(Locale.ROOT, "  <W+>  = %.4f +- %.4f +- %s kT, <W-> = %.4f +- %.4f +- %s kT  (gross work: energy put into "
                        + "and given back by the potential, W = W+ + W-)%n", s.number("mean_work_plus_kT"),
                s.number("stderr_work_plus_kT"), stepError(s.number("mean_work_plus_timestep_error_kT")),
                s.number("mean_work_minus_kT"), s.number("stderr_work_minus_kT"),
                stepError(s.number("mean_work_minus_timestep_error_kT")));
        out.printf(Locale.ROOT, "  <Q>   = %.4f +- %.4f +- %s kT  (heat to the bath);  <dU> = %.4f kT%s%n",
                s.number("mean_heat_kT"), s.number("stderr_heat_kT"), stepError(s.number("mean_heat_timestep_error_kT")),
                s.number("mean_delta_u_kT"),
                s.get("mean_delta_kinetic_kT") == null ? "" : String.format(Locale.ROOT, ";  <dK> = %.4f kT "
                        + "(<W> - <Q> = <dU> + <dK>)", s.number("mean_delta_kinetic_kT")));
        if (s.get("error_rate_at_protocol_end") != null) {
            out.printf(Locale.ROOT, "  eps at the end of the protocol = %.4g (95%% CI [%.3g, %.3g]); after the hold of %.4g tau_D:%n",
                    s.number("error_rate_at_protocol_end"), s.number("error_ci_low_at_protocol_end"),
                    s.number("error_ci_high_at_protocol_end"), s.number("hold_tauD"));
        }
        if (s.get("ams_iterations") != null) {
            out.printf(Locale.ROOT, "  eps   = %.4g +- %.2g (AMS; 95%% CI [%.3g, %.3g]; from left %.3g, from right %.3g; "
                            + "%d iterations, %.3g particle-steps)%n", eps, s.number("error_rate_stderr"),
                    s.number("error_ci_low"), s.number("error_ci_high"), s.number("error_rate_from_left"),
                    s.number("error_rate_from_right"), (long) s.number("ams_iterations"), s.number("ams_particle_steps"));
            out.printf(Locale.ROOT, "          direct sampling: %.4g (%d errors; 95%% CI [%.3g, %.3g])%n",
                    s.number("direct_error_rate"), (long) s.number("errors"), s.number("direct_error_ci_low"),
                    s.number("direct_error_ci_high"));
            if (s.get("ams_warning") instanceof String amsWarning && !amsWarning.isEmpty()) {
                out.println("  WARNING: the splitting estimate is " + amsWarning);
            }
        } else {
            out.printf(Locale.ROOT, "  eps   = %.4g  (%d errors; 95%% CI [%.3g, %.3g]; from left %.3g, from right %.3g)%n",
                    eps, (long) s.number("errors"), s.number("error_ci_low"), s.number("error_ci_high"),
                    s.number("error_rate_from_left"), s.number("error_rate_from_right"));
        }
        out.printf(Locale.ROOT, "          time-step error of eps %s%s; with it, 95%% CI [%.3g, %.3g]%n",
                stepError(s.number("error_rate_timestep_error")),
                s.get("log_error_rate_timestep_error") == null ? ""
                        : String.format(Locale.ROOT, " (%.3g in ln eps; splitting gives %.3g at dt = %.3g tau_D)",
                        s.number("log_error_rate_timestep_error"), s.number("ams_error_rate_at_second_dt"),
                        s.number("ams_second_dt_tauD")),
                s.number("error_total_ci_low"), s.number("error_total_ci_high"));
        if (s.get("timestep_warning") instanceof String stepWarning && !stepWarning.isEmpty()) {
            out.println("  WARNING: time step too coarse for the numbers printed (beyond the tolerance): " + stepWarning
                    + " - use a smaller dynamics.dt or dt: auto");
        }
        out.printf(Locale.ROOT, "  bounds: kT[ln2 - H(eps)] = %.4f kT = %.4g zJ;  kT ln(1/eps) = %s kT (%.2f kT at the CI upper end)%n",
                s.number("landauer_bound_kT"), units.toZeptoJoule(s.number("landauer_bound_kT")),
                eps > 0 ? String.format(Locale.ROOT, "%.2f", s.number("log_inverse_error_kT")) : "inf",
                s.number("log_inverse_error_ci_high_kT"));
        final double ftb = s.number("finite_time_bound_kT");
        if (!Double.isNaN(ftb)) {
            out.printf(Locale.ROOT, "  finite-time bound dF + W2^2/tau = %.4f +- %.1g kT (Fokker-Planck solution, numerical error)%n",
                    ftb, s.number("finite_time_bound_numerical_error_kT"));
        }
        out.printf(Locale.ROOT, "  Jarzynski <exp(-W/kT)> = %.4f +- %.4f;  kT = %.5g J at %.2f K;  wall %.2f s%s%n",
                s.number("jarzynski_mean"), s.number("jarzynski_stderr"), units.kTJoule(), units.temperatureK(),
                s.number("wall_time_s"), s.get("ams_wall_time_s") == null
                        ? String.format(Locale.ROOT, ", %.3g particle-steps/s", s.number("particle_steps_per_s"))
                        : String.format(Locale.ROOT, " direct sampling (%.3g particle-steps/s) + %.2f s splitting",
                        s.number("particle_steps_per_s"), s.number("ams_wall_time_s")));
        out.flush();
    }

    /** The plain files of a folder, sorted (none when it does not exist yet); staging files (.name) left out. */
    private static List<String> listFiles(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = java.nio.file.Files.list(dir)) {
            return s.filter(f -> java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** Share of the trajectories outside the histogram's range above which the terminal names it. */
    static final double HISTOGRAM_OUTSIDE_NOTE = 0.01;

    /**
     * Names the trajectories whose work falls outside the histogram's range (they are counted in its open-ended
     * first and last bins, which the figure does not draw) when they are more than 1 %.
     */
    static void histogramNote(PrintWriter out, Histogram h, long trajectories) {
        final long outside = h.underflow() + h.overflow();
        if (outside > HISTOGRAM_OUTSIDE_NOTE * trajectories) {
            out.printf(Locale.ROOT, "  NOTE: %d of %d trajectories (%.3g %%) have W outside the work histogram's range "
                            + "[%s, %s] kT (%d below, %d above): counted in its open-ended end bins, not drawn; widen "
                            + "simulation.work_histogram to see them%n", outside, trajectories, 100.0 * outside / trajectories,
                    org.erasure.io.Csv.format(h.min()), org.erasure.io.Csv.format(h.max()), h.underflow(), h.overflow());
        }
    }

    /** A time-step error as printed: two digits, or "n/a" where it could not be estimated. */
    private static String stepError(double e) {
        return Double.isNaN(e) ? "n/a" : String.format(Locale.ROOT, "%.2g", e);
    }

    private static String histogramCsv(Histogram h) {
        final StringBuilder sb = new StringBuilder("work_low_kT,work_high_kT,count\n");
        sb.append("-inf,").append(h.min()).append(',').append(h.underflow()).append('\n');
        for (int i = 0; i < h.bins(); i++) {
            sb.append(h.binLow(i)).append(',').append(h.binHigh(i)).append(',').append(h.count(i)).append('\n');
        }
        sb.append(h.max()).append(",inf,").append(h.overflow()).append('\n');
        return sb.toString();
    }
}
