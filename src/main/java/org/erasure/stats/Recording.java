package org.erasure.stats;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a Monte Carlo run records beyond its streaming tallies, when asked (SPEC 3.1): each trajectory's initial
 * well and position, final position, W, W⁺, W⁻ and Q (indexed by the trajectory's number, so the same seed gives
 * the same rows at any thread count); the positions of the first K trajectories at chosen steps (sample paths);
 * and how many trajectories are on the wrong side of the barrier at chosen steps (ε(t)), per initial bit value.
 * Filled by the workers, each block writing its own rows; read after the run.
 */
public final class Recording implements TrajectoryObserver {

    private final int trajectories;
    private final double[] initialX;
    private final double[] finalX;
    private final double[] work;
    private final double[] workPlus;
    private final double[] workMinus;
    private final double[] heat;
    private final byte[] initialBit;
    private final boolean[] wrong;
    private final int paths;
    private final long[] pathSteps;
    private final double[][] pathX;
    private final long[] errorSteps;
    private final AtomicLongArray wrongCounts;          // [time][bit], flattened
    private final AtomicLongArray started = new AtomicLongArray(2);
    private final double dt;

    private Recording(long runTrajectories, double dt, boolean perTrajectory, int paths, long[] pathSteps,
                      long[] errorSteps) {
        if (perTrajectory && runTrajectories > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("per-trajectory output holds at most " + (Integer.MAX_VALUE - 8)
                    + " trajectories, got " + runTrajectories);
        }
        this.trajectories = perTrajectory ? (int) runTrajectories : 0;
        this.initialX = new double[trajectories];
        this.finalX = new double[trajectories];
        this.work = new double[trajectories];
        this.workPlus = new double[trajectories];
        this.workMinus = new double[trajectories];
        this.heat = new double[trajectories];
        this.initialBit = new byte[trajectories];
        this.wrong = new boolean[trajectories];
        this.paths = (int) Math.min(paths, runTrajectories);
        this.pathSteps = pathSteps.clone();
        this.pathX = new double[this.paths][pathSteps.length];
        this.errorSteps = errorSteps.clone();
        this.wrongCounts = new AtomicLongArray(2 * errorSteps.length);
        this.dt = dt;
    }

    /**
     * @param runTrajectories the run's trajectories
     * @param totalSteps    the run's steps, hold included
     * @param dt            its time step (τ_D)
     * @param perTrajectory keep each trajectory's row
     * @param paths         how many sample paths (the first trajectories), 0 for none
     * @param pathPoints    positions per path, at equally spaced steps from 0 to the end of the run (≥ 2)
     * @param errorTimes    times (τ_D, within the run) at which ε(t) is counted, each at its nearest step
     */
    public static Recording of(long runTrajectories, long totalSteps, double dt, boolean perTrajectory, int paths,
                               int pathPoints, double[] errorTimes) {
        if (paths < 0 || (paths > 0 && pathPoints < 2)) {
            throw new IllegalArgumentException("need paths >= 0 and at least 2 points per path");
        }
        final long total = totalSteps;
        final long[] ps = new long[paths > 0 ? pathPoints : 0];
        for (int j = 0; j < ps.length; j++) {
            ps[j] = Math.round((double) j * total / (pathPoints - 1));
        }
        final long[] es = new long[errorTimes.length];
        final double end = total * dt;
        for (int j = 0; j < es.length; j++) {
            final double t = errorTimes[j];
            if (!(t >= 0 && t <= end * (1 + 1e-12))) {
                throw new IllegalArgumentException("error times must lie in [0, " + end + "] tau_D (the run), got " + t);
            }
            es[j] = Math.min(total, Math.round(t / dt));
        }
        return new Recording(runTrajectories, dt, perTrajectory, paths, ps, es);
    }

    /** The steps at which anything is recorded, sorted, without repeats. */
    @Override
    public long[] observedSteps() {
        return java.util.stream.LongStream.concat(Arrays.stream(pathSteps), Arrays.stream(errorSteps)).distinct()
                .sorted().toArray();
    }

    /** At step k: the positions of the block's trajectories that are sample paths, and the wrong-side counts. */
    @Override
    public void atStep(long k, long firstIndex, double[] x, int[] bit, int n, java.util.function.DoublePredicate wrongSide) {
        for (int j = 0; j < pathSteps.length; j++) {
            if (pathSteps[j] == k) {
                for (int i = 0; i < n && firstIndex + i < paths; i++) {
                    pathX[(int) (firstIndex + i)][j] = x[i];
                }
            }
        }
        for (int j = 0; j < errorSteps.length; j++) {
            if (errorSteps[j] == k) {
                long w0 = 0;
                long w1 = 0;
                for (int i = 0; i < n; i++) {
                    if (wrongSide.test(x[i])) {
                        if (bit[i] == 0) {
                            w0++;
                        } else {
                            w1++;
                        }
                    }
                }
                wrongCounts.addAndGet(2 * j, w0);
                wrongCounts.addAndGet(2 * j + 1, w1);
            }
        }
    }

    /** Counts the block's trajectories per initial bit value (for ε(t)). */
    @Override
    public void started(int[] bit, int n) {
        long r = 0;
        for (int i = 0; i < n; i++) {
            r += bit[i];
        }
        started.addAndGet(0, n - r);
        started.addAndGet(1, r);
    }

    /** One trajectory's row. */
    @Override
    public void trajectory(long index, double x0, double x, double w, double wAbs, double q, int bit, boolean isWrong) {
        if (index >= trajectories) {
            return;
        }
        final int i = (int) index;
        initialX[i] = x0;
        finalX[i] = x;
        work[i] = w;
        workPlus[i] = 0.5 * (w + wAbs);
        workMinus[i] = 0.5 * (w - wAbs);
        heat[i] = q;
        initialBit[i] = (byte) bit;
        wrong[i] = isWrong;
    }

    @Override
    public boolean wantsTrajectories() {
        return trajectories > 0;
    }

    public int trajectories() {
        return trajectories;
    }

    public double initialX(int i) { return initialX[i]; }

    public double finalX(int i) { return finalX[i]; }

    public double work(int i) { return work[i]; }

    public double workPlus(int i) { return workPlus[i]; }

    public double workMinus(int i) { return workMinus[i]; }

    public double heat(int i) { return heat[i]; }

    /** 0: started left of the initial barrier, 1: right. */
    public int initialBit(int i) { return initialBit[i]; }

    /** Whether it ended on the wrong side (after any hold). */
    public boolean wrong(int i) { return wrong[i]; }

    /** The sample paths' times (τ_D). */
    public double[] pathTimes() {
        return Arrays.stream(pathSteps).mapToDouble(k -> k * dt).toArray();
    }

    /** Sample path p's positions (x_m) at {@link #pathTimes()}. */
    public double[] path(int p) {
        return pathX[p].clone();
    }

    public int paths() {
        return paths;
    }

    /** The times of ε(t) as run (τ_D, each on its nearest step). */
    public double[] errorTimes() {
        return Arrays.stream(errorSteps).mapToDouble(k -> k * dt).toArray();
    }

    /** Trajectories of bit value b on the wrong side at error time j. */
    public long wrongAt(int j, int bit) {
        return wrongCounts.get(2 * j + bit);
    }

    /** Trajectories that started with bit value b. */
    public long started(int bit) {
        return started.get(bit);
    }
}
