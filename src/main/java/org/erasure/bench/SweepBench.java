package org.erasure.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class SweepBench {

    private SweepBench() {
    }

    /**
     * The sweep benchmark of issue 15: configs/sweep-tau.yaml with engine fp (points run side by side on the
     * threads), wall time on 1 and on all threads in back-to-back pairs; the median ratio all/1 is reported, and the
     * two sweep.csv files are compared byte for byte (the result must not depend on the thread count).
     */
    public static int run(BenchSettings b, int all, PrintWriter out) throws Exception {
        final BenchHarness h = new BenchHarness(b.repeats());
        final java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("erasure-bench-sweep");
        try {
            for (String f : new String[] {"sweep-tau.yaml", "quick.yaml"}) {
                try (java.io.InputStream in = SweepBench.class.getResourceAsStream("/org/erasure/configs/" + f)) {
                    java.nio.file.Files.copy(in, tmp.resolve(f));
                }
            }
            final org.erasure.sweep.SweepSpec spec = org.erasure.sweep.SweepSpec.load(tmp.resolve("sweep-tau.yaml"),
                    "fp", List.of());
            final BenchHarness.Pairs p = h.paired("sweep", all, (threads, i) -> {
                final java.nio.file.Path dir = tmp.resolve("run" + i);
                final long t0 = System.nanoTime();
                org.erasure.sweep.SweepRunner.run(spec, dir, 1, 1, threads, null);
                return new BenchHarness.Timed((System.nanoTime() - t0) * 1e-9,
                        java.nio.file.Files.readAllBytes(dir.resolve("sweep.csv")));
            });
            if (b.json()) {
                final Map<String, Object> r = new LinkedHashMap<>();
                r.put("benchmark", "sweep-tau fp");
                r.put("points", spec.points().size());
                p.put(r, all, "identical_csv");
                out.println(new ObjectMapper().writeValueAsString(r));
            } else {
                out.printf(Locale.ROOT, "sweep: configs/sweep-tau.yaml, engine fp, %d points (no figures)%n",
                        spec.points().size());
                p.print(out, all, b.repeats(), "sweep.csv");
            }
            out.flush();
            return p.identical() ? 0 : 1;
        } finally {
            try (var walk = java.nio.file.Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
