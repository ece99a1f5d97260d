package org.erasure.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.LangevinRun;

/**
 * What every benchmark shares: timed jobs on 1 and on all threads in back-to-back pairs (a slow period of a shared
 * machine then falls on both sides of a ratio), the best Monte Carlo rates, and a status line per measurement on stderr
 * (stdout keeps the results, or the JSON).
 */
final class BenchHarness {

    private final int repeats;

    BenchHarness(int repeats) {
        this.repeats = repeats;
    }

    /** One timed run of a job: its wall time in seconds and what it produced. */
    record Timed(double seconds, Object result) {
    }

    /** A job run at a thread count, its run index naming its output (−1: the warm-up). */
    @FunctionalInterface
    interface Job {
        Timed run(int threads, int index) throws Exception;
    }

    /**
     * A job on 1 and on all threads in back-to-back pairs after one warm-up on all: the best wall times, the median
     * ratio all/1, and whether every pair's results are equal (the result must not depend on the thread count).
     */
    record Pairs(double best1, double bestAll, double medianRatio, boolean identical, Object result) {

        /** The JSON fields every paired benchmark writes. */
        void put(Map<String, Object> r, int all, String identicalKey) {
            r.put("wall_s_1_thread", best1);
            r.put("threads", all);
            r.put("wall_s_all_threads", bestAll);
            r.put("wall_ratio_median", medianRatio);
            r.put(identicalKey, identical);
        }

        /** The text lines every paired benchmark prints after its title. */
        void print(PrintWriter out, int all, int repeats, String identicalWhat) {
            out.printf(Locale.ROOT, "  1 thread : %.2f s (best of %d)%n", best1, repeats);
            out.printf(Locale.ROOT, "  %d threads: %.2f s (best of %d); wall ratio %.2f (median of %d back-to-back pairs)"
                    + "%n", all, bestAll, repeats, medianRatio, repeats);
            out.printf(Locale.ROOT, "  %s identical on 1 and %d threads: %s%n", identicalWhat, all,
                    identical ? "yes" : "NO");
        }
    }

    Pairs paired(String name, int all, Job job) throws Exception {
        final double[] one = new double[repeats];
        final double[] many = new double[repeats];
        final double[] ratio = new double[repeats];
        boolean identical = true;
        Object result = null;
        status(name + ", JIT warm-up");
        job.run(all, -1);
        for (int i = 0; i < repeats; i++) {
            status(name + ", pair " + (i + 1) + " of " + repeats + " (1 thread, " + all + " threads)");
            final Timed a = job.run(1, 2 * i);
            final Timed b = job.run(all, 2 * i + 1);
            one[i] = a.seconds();
            many[i] = b.seconds();
            ratio[i] = many[i] / one[i];
            identical &= java.util.Objects.deepEquals(a.result(), b.result());
            result = a.result();
        }
        java.util.Arrays.sort(ratio);
        final double median = repeats % 2 == 1 ? ratio[repeats / 2] : 0.5 * (ratio[repeats / 2 - 1] + ratio[repeats / 2]);
        return new Pairs(java.util.Arrays.stream(one).min().orElseThrow(),
                java.util.Arrays.stream(many).min().orElseThrow(), median, identical, result);
    }

    /**
     * The best rate on 1 thread and on the given count, and the scaling ratio, measured in back-to-back
     * pairs (1, T, 1, T, ...): the ratio reported is the median of the pairs' ratios, so that a slow
     * period of a shared machine does not fall on one side of it only. (On the 2-core development
     * machine the ratio of the two best rates moved between 1.4x and 2.2x; the pairs' median is
     * steadier but still moved between 1.6x and 2.1x from run to run.)
     */
    double[] bestInterleaved(String label, LangevinRun run, int threads) {
        double best1 = 0;
        double bestT = 0;
        final double[] ratios = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            status(label + ", pair " + (i + 1) + " of " + repeats + " (1 thread, " + threads + " threads)");
            final double r1 = rate(run, 1);
            final double rT = threads == 1 ? r1 : rate(run, threads);
            best1 = Math.max(best1, r1);
            bestT = Math.max(bestT, rT);
            ratios[i] = rT / r1;
        }
        java.util.Arrays.sort(ratios);
        final double median = repeats % 2 == 1 ? ratios[repeats / 2]
                : 0.5 * (ratios[repeats / 2 - 1] + ratios[repeats / 2]);
        return new double[] {best1, bestT, median};
    }

    /** Progress on stderr, a line per measurement (stdout keeps the results, or the JSON). */
    private final long started = System.nanoTime();

    void status(String what) {
        System.err.printf(Locale.ROOT, "bench: %s, %.0f s%n", what, (System.nanoTime() - started) * 1e-9);
        System.err.flush();
    }

    private static double rate(LangevinRun run, int threads) {
        final long t0 = System.nanoTime();
        LangevinMonteCarlo.run(run, threads, null);
        final double s = (System.nanoTime() - t0) * 1e-9;
        return (double) run.trajectories() * run.steps() / s;
    }
}
