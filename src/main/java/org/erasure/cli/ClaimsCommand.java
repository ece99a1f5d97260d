package org.erasure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.erasure.claims.ClaimsReport;
import org.erasure.claims.ClaimsRunner;
import org.erasure.config.ClaimsSettings;
import org.erasure.config.ClaimsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code erasure claims}: the main job, the canonical experiments and the verdict (SPEC 5). */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = {"Runs the canonical experiments of SPEC 5 and writes results/claims/report.md (and a "
                + "self-contained report.html), the CSV behind every table and figure, the figures and run.json.",
                "Settles, with numbers: can a bit be erased reliably for about kT ln 2, or does reliability cost "
                        + "about kT ln(1/eps)? Runs on an embedded default configuration when given no arguments "
                        + "(about 90 s on two cores; --quick about 30 s; --config configs/claims-rich.yaml adds the "
                        + "rich family beside every frontier point and its crossover, about 30 minutes)."})
public final class ClaimsCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer durations, targets and evaluations (tests and demos).")
    boolean quick;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML overrides of the experiment settings (see configs/claims.yaml).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/claims/).")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed of every optimisation and Monte Carlo check "
            + "(overrides the settings' seed).")
    Long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final ClaimsSettings s = ClaimsConfig.load(quick, config, seed);
        final int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t <= 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + t);
        }
        final Path dir = CommonOptions.checkedOutDir(out, "claims");
        org.erasure.io.ResultFolder.requireOwnOrEmpty(dir, "claims");
        final PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "claims%s: experiments 1-6 of SPEC 5 on %d threads -> %s%n", quick ? " --quick" : "", t, dir);
        pw.flush();
        final long t0 = System.nanoTime();
        final ClaimsRunner.Results r;
        try (Progress progress = Progress.of("claims", ClaimsRunner.steps(s), "steps")) {
            final var l = progress.listener();
            r = ClaimsRunner.run(s, t, l == null ? null : l::accept);
        }
        final double wall = (System.nanoTime() - t0) * 1e-9;
        final String command = "scripts/erasure claims" + (quick ? " --quick" : "")
                + (config != null ? " --config " + config : "") + (seed != null ? " --seed " + seed : "");
        final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode run = json.createObjectNode();
        run.put("command", command);
        run.putPOJO("arguments", spec.commandLine().getParseResult().originalArgs());
        run.putPOJO("settings", s);
        run.put("threads", t);
        run.put("wall_time_s", wall);
        run.putPOJO("versions", org.erasure.io.RunRecord.versions());
        run.putPOJO("faults", r.faults());
        final List<String> before = org.erasure.io.ResultFolder.listFiles(dir);
        final List<Path> files = ClaimsReport.write(dir, s, r, command, json.writeValueAsString(run) + "\n", wall);
        // an earlier claims run's files that this one does not rewrite (frontier_rich.* of a rich run before a default
        // one) would sit beside this report as if it had made them: set aside, not deleted
        final List<String> written = files.stream().map(f -> f.getFileName().toString()).toList();
        final Path aside = org.erasure.io.ResultFolder.setAside(dir, before.stream()
                .filter(f -> !written.contains(f)).toList());
        if (aside != null) {
            pw.println("set aside the earlier claims run's files that this run does not rewrite, in " + aside);
        }
        for (var v : r.verdict()) {
            pw.printf("  %-26s %s%n", v.claim(), v.verdict());
        }
        pw.printf(Locale.ROOT, "wrote %s and %d more files in %.0f s%n", dir.resolve("report.md"), files.size() - 1, wall);
        pw.flush();
        return r.faults().isEmpty() ? 0 : 1;
    }
}
