package org.erasure.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.erasure.config.ConfigLoader;
import org.erasure.config.ErasureConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a configuration (SPEC 4.1). */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: the embedded configs/quick.yaml).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<name>/mc for "
            + "simulate, results/<name>/fp for fokker-planck, results/<name>-optimized for optimize, results/<name> for "
            + "retention; <name> is the configuration's name).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed (overrides simulation.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all ${sys:erasure.cores} cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--trajectories", paramLabel = "N",
            description = "Number of trajectories (overrides simulation.trajectories).")
    Long trajectories;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override any configuration value, e.g. --set protocol.tau=100 (repeatable).")
    List<String> set = new ArrayList<>();

    static {
        System.setProperty("erasure.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    /** The configuration with all overrides applied (the options become --set overrides, so run.json records them). */
    ErasureConfig load() {
        final List<String> overrides = new ArrayList<>(set);
        if (trajectories != null) {
            overrides.add("simulation.trajectories=" + trajectories);
        }
        if (seed != null) {
            overrides.add("simulation.seed=" + seed);
        }
        return config == null ? ConfigLoader.loadDefault(overrides) : ConfigLoader.load(config, overrides);
    }

    int threads() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + threads);
        }
        return threads;
    }

    /** The output folder (checked before any work is done: an existing plain file there is an error). */
    Path outDir(String name) {
        return checkedOutDir(out, name);
    }

    /**
     * The output folder of one engine: --out as given, else results/&lt;name&gt;/&lt;engine&gt;/, so that simulate
     * (mc) and fokker-planck (fp) of one configuration keep both their results side by side.
     */
    Path outDir(String name, String engine) {
        return checkedOutDir(out, name + "/" + engine);
    }

    /** The given folder, or results/&lt;name&gt;; refused when a plain file stands there (checked before any work). */
    static Path checkedOutDir(Path given, String name) {
        if (given != null && given.toString().isBlank()) {
            throw new IllegalArgumentException("--out needs a folder name, got an empty one");
        }
        final Path dir = given != null ? given : Path.of("results", name);
        if (dir.toAbsolutePath().normalize().getParent() == null) {
            // results are staged beside their folder and renamed into it: the root has no beside
            throw new IllegalArgumentException("output folder " + dir + " is the file system's root: give a folder for "
                    + "the results");
        }
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output folder " + dir + " exists and is not a folder");
        }
        // the nearest folder that exists must be writable: found now, not after the computation
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !java.nio.file.Files.isDirectory(existing) || !java.nio.file.Files.isWritable(existing)) {
            throw new IllegalArgumentException("output folder " + dir + " cannot be written (" + existing
                    + " is not a writable folder)");
        }
        return dir;
    }
}
