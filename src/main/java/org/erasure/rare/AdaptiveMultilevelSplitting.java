package org.erasure.rare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.erasure.fokkerplanck.Committor;
import org.erasure.langevin.BoltzmannSampler;
import org.erasure.langevin.Divergence;
import org.erasure.util.SplitMix64;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.LangevinRun;
import org.erasure.langevin.OverdampedKernel;
import org.erasure.langevin.UnderdampedKernel;
import org.erasure.model.TargetWell;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.stats.RunningMoments;
import org.erasure.util.Futures;

/**
 * Adaptive multilevel splitting (AMS) for the probability that a particle ends in the wrong well at the
 * observation time T (end of the hold, or of the protocol), for any dynamics, potential and protocol the
 * Langevin engine runs, with the same discretisation (the time grid and integrator of a {@link LangevinRun}).
 *
 * <p>Generalized AMS (Cérou &amp; Guyader, Stoch. Anal. Appl. 25, 417 (2007); Bréhier, Gazeau, Goudenège,
 * Lelièvre &amp; Rousset, Ann. Appl. Probab. 26, 3559 (2016)), trajectory version for a fixed horizon (Lestang,
 * Ragone, Bréhier, Herbert &amp; Bouchet, J. Stat. Mech. (2018) 043213): N replicas are full paths over
 * [0, T]; a path's level is max_k ξ(t_k, x_k), or +∞ when it ends on the wrong side. Each iteration takes the
 * k-th smallest level z, kills every replica at or below it (ties kill more than k, as Bréhier et al.
 * prescribe for unbiasedness; all N tied is extinction, estimate 0), and replaces each by a copy of a
 * survivor drawn uniformly, cut at the survivor's first step with ξ &gt; z and continued from there with fresh
 * noise. It stops when the k-th smallest level is +∞. The estimator Π_j (1 − K_j/N) · (N_wrong/N) is unbiased
 * for any score and any N; the standard error comes from independent repetitions.
 *
 * <p>Both initial bit values are estimated separately (their initial states drawn from the Boltzmann density
 * restricted to each side of the initial barrier) and combined with their weights π_b. Run r of bit b draws
 * from its own XoRoShiRo128++ stream seeded by (seed, b, r), and runs are merged in order, so the result is
 * bit-identical for any number of threads.
 */
public final class AdaptiveMultilevelSplitting {


    private AdaptiveMultilevelSplitting() {
    }

    /**
     * @param run     the problem, integrator and time grid (its trajectories, seed and histogram are not used)
     * @param threads worker threads for the independent runs
     */
    public static AmsResult estimate(LangevinRun run, AmsSettings s, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        final Score score = Score.resolve(s.score(), run.problem());
        final Path path = new Path(run, score);
        final long bytes = (long) s.replicas() * (path.steps + 1) * 8L * (path.underdamped ? 2 : 1)
                * Math.min(threads, 2L * s.repetitions());
        if (bytes > Runtime.getRuntime().maxMemory() / 2) {
            throw new IllegalArgumentException(String.format("adaptive multilevel splitting would hold %d replicas x "
                    + "%d steps in memory (%.3g GB with %d threads), more than half the heap; use fewer replicas or "
                    + "threads, or a coarser time step", s.replicas(), path.steps + 1, bytes / 1e9, threads));
        }
        final double[] weights = path.bitWeights(run);
        final ExecutorService pool = Futures.daemonPool("ams", threads);
        try {
            final List<Future<RunResult>> fs = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                for (int r = 0; r < s.repetitions(); r++) {
                    final int bit = b;
                    final int rep = r;
                    fs.add(weights[b] > 0 ? pool.submit(() -> new Replicas(path, s, bit, rep).run()) : null);
                }
            }
            final RunningMoments[] byBit = {new RunningMoments(), new RunningMoments()};
            long iterations = 0;
            long steps = 0;
            for (int i = 0; i < fs.size(); i++) {
                if (fs.get(i) != null) {
                    final RunResult rr = Futures.get(fs.get(i));
                    byBit[i / s.repetitions()].add(rr.estimate());
                    iterations += rr.iterations();
                    steps += rr.steps();
                }
            }
            final double[] mean = new double[2];
            final double[] se = new double[2];
            double eps = 0;
            double var = 0;
            for (int b = 0; b < 2; b++) {
                mean[b] = byBit[b].mean();                       // NaN for a bit value without weight
                se[b] = byBit[b].standardError();
                if (weights[b] > 0) {
                    eps += weights[b] * mean[b];
                    var += weights[b] * weights[b] * se[b] * se[b];
                }
            }
            final double sd = Math.sqrt(var);
            final double[] ci = AmsResult.logNormalInterval(eps, sd, 1.96);
            return new AmsResult(eps, sd, ci[0], ci[1], mean, se,
                    weights, s.replicas(), score.key(), s.repetitions(), iterations, steps);
        } finally {
            pool.shutdownNow();
        }
    }

    private record RunResult(double estimate, long iterations, long steps) {
    }

    /** ξ(t_k, x, v) of a problem's grid (v is 0 for overdamped dynamics). */
    private interface StepScore {
        double at(int k, double x, double v);
    }

    /** What every replica of a problem shares: controls, barrier and score weight per step. */
    private static final class Path {
        final Potential potential;
        final Integrator integrator;
        final boolean underdamped;
        final double mass;
        final int steps;
        final double dt;
        final double noiseScale;
        final double[] c0;
        final double[] c1;
        final double[] barrier;
        final double[] time;
        final double barrierStart;
        final double barrierEnd;
        final double sign;
        final TargetWell target;
        final StepScore score;
        final double fixedStart;
        final Protocol protocol;

        Path(LangevinRun run, Score score) {
            this.potential = run.problem().potential();
            this.target = run.problem().target();
            this.sign = target == TargetWell.RIGHT ? 1 : -1;
            this.protocol = run.problem().protocol();
            this.integrator = run.integrator();
            this.underdamped = integrator.underdamped();
            this.mass = run.mass();
            final long total = run.grid().totalSteps();
            if (total > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException("adaptive multilevel splitting stores whole paths: " + total
                        + " time steps is too many");
            }
            this.steps = (int) total;
            this.dt = run.effectiveDt();
            this.noiseScale = Math.sqrt(2 * dt);
            this.c0 = new double[steps + 1];
            this.c1 = new double[steps + 1];
            this.barrier = new double[steps + 1];
            this.time = new double[steps + 1];
            final double observation = steps * dt;
            for (int k = 0; k <= steps; k++) {
                final double t = k * dt;
                c0[k] = protocol.control0(t);
                c1[k] = protocol.control1(t);
                barrier[k] = potential.barrierPosition(c0[k], c1[k]);
                time[k] = t / observation;
            }
            this.barrierStart = barrier[0];
            this.barrierEnd = potential.barrierPosition(protocol.control0(protocol.duration()),
                    protocol.control1(protocol.duration()));
            this.fixedStart = run.fixedStart();
            final double mu = underdamped ? mass : 0;
            if (score instanceof Score.CommittorScore c) {
                final Committor q = Committor.solve(potential, protocol, target, run.grid(), c.cells(), c.slices());
                this.score = (k, x, v) -> q.logCommittor(k, x + mu * v);
            } else if (score instanceof Score.PhaseSpaceCommittorScore c) {
                if (!underdamped) {
                    throw new IllegalArgumentException("the phase-space committor score is for underdamped dynamics; "
                            + "this problem is overdamped - use the committor score");
                }
                final PhaseSpaceCommittor q = PhaseSpaceCommittor.solve(potential, protocol, target, run.grid(), mass,
                        c.nodesX(), c.nodesV(), c.slices());
                this.score = q::logCommittor;
            } else {
                final Score.TimeWeightedDistance d = (Score.TimeWeightedDistance) score;
                this.score = (k, x, v) -> d.value(time[k], sign * (barrier[k] - (x + mu * v)));
            }
        }

        /**
         * ξ at step k for position x and velocity v (0 when overdamped). Underdamped, the position is the one the
         * particle would coast to under friction alone, x + μv (reduced units, γ = 1): a particle at the barrier
         * moving into the wrong well is further on its way than one moving out.
         */
        double xi(int k, double x, double v) {
            return score.at(k, x, v);
        }

        /** π_b: the initial weight of each bit value (left, right of the initial barrier). */
        double[] bitWeights(LangevinRun run) {
            if (!Double.isNaN(fixedStart)) {
                return fixedStart > barrierStart ? new double[] {0, 1} : new double[] {1, 0};
            }
            final double[] r = potential.confiningInterval(c0[0], c1[0]);
            final int n = 200_000;
            final double h = (r[1] - r[0]) / n;
            double uMin = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= n; i++) {
                uMin = Math.min(uMin, potential.energy(r[0] + i * h, c0[0], c1[0]));
            }
            double left = 0;
            double all = 0;
            for (int i = 0; i < n; i++) {
                final double x = r[0] + (i + 0.5) * h;
                final double wgt = StrictMath.exp(-(potential.energy(x, c0[0], c1[0]) - uMin));
                all += wgt;
                if (!(x > barrierStart)) {
                    left += wgt;
                }
            }
            return new double[] {left / all, 1 - left / all};
        }
    }

    /** The N replicas of one run (one bit value, one repetition). */
    private static final class Replicas {
        private final Path p;
        private final AmsSettings s;
        private final int bit;
        private final UniformRandomProvider rng;
        private final ZigguratSampler.NormalizedGaussian gauss;
        private final double[][] xs;
        private final double[][] vs;
        /** ξ along each stored path (computed once as the path is simulated; the kills scan it). */
        private final double[][] scores;
        private final double[] level;
        private final double[] state = new double[2];
        private long steps;

        Replicas(Path p, AmsSettings s, int bit, int repetition) {
            this.p = p;
            this.s = s;
            this.bit = bit;
            // XoRoShiRo128++ takes two longs of seed: (seed, bit, repetition) are mixed into them by SplitMix64
            final long a = SplitMix64.mix(s.seed() ^ SplitMix64.mix(2L * repetition + bit + 0x5eedL));
            this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {a,
                SplitMix64.mix(a ^ SplitMix64.GOLDEN_GAMMA)});
            this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            this.xs = new double[s.replicas()][p.steps + 1];
            this.vs = p.underdamped ? new double[s.replicas()][p.steps + 1] : null;
            this.scores = new double[s.replicas()][p.steps + 1];
            this.level = new double[s.replicas()];
        }

        RunResult run() {
            final int n = s.replicas();
            final BoltzmannSampler initial = Double.isNaN(p.fixedStart) ? BoltzmannSampler.of(p.potential, p.c0[0],
                    p.c1[0]) : null;
            for (int j = 0; j < n; j++) {
                double x0 = p.fixedStart;
                if (initial != null) {
                    do {
                        x0 = initial.sample(rng);
                    } while ((x0 > p.barrierStart ? 1 : 0) != bit);
                }
                xs[j][0] = x0;
                if (vs != null) {
                    vs[j][0] = gauss.sample() / Math.sqrt(p.mass);
                }
                level[j] = simulateFrom(j, 0, Double.NEGATIVE_INFINITY);
            }
            final int k = s.killCount();
            double logProduct = 0;
            long iterations = 0;
            final double[] sorted = new double[n];
            final int[] survivors = new int[n];
            final int[] killed = new int[n];
            while (true) {
                System.arraycopy(level, 0, sorted, 0, n);
                Arrays.sort(sorted);
                final double z = sorted[k - 1];
                if (z == Double.POSITIVE_INFINITY) {
                    break;
                }
                int nk = 0;
                int ns = 0;
                for (int j = 0; j < n; j++) {
                    if (level[j] <= z) {
                        killed[nk++] = j;
                    } else {
                        survivors[ns++] = j;
                    }
                }
                if (ns == 0) {
                    return new RunResult(0, iterations, steps);              // extinction: every level tied
                }
                logProduct += StrictMath.log1p(-(double) nk / n);
                for (int i = 0; i < nk; i++) {
                    final int j = killed[i];
                    final int parent = survivors[rng.nextInt(ns)];
                    final int m = firstAbove(parent, z);
                    System.arraycopy(xs[parent], 0, xs[j], 0, m + 1);
                    if (vs != null) {
                        System.arraycopy(vs[parent], 0, vs[j], 0, m + 1);
                    }
                    System.arraycopy(scores[parent], 0, scores[j], 0, m + 1);
                    level[j] = m == p.steps ? level[parent] : simulateFrom(j, m, scores[j][m]);
                }
                if (++iterations > s.maxIterations()) {
                    throw new IllegalStateException("adaptive multilevel splitting did not reach the event in "
                            + s.maxIterations() + " iterations (a score that does not lead to the wrong well?)");
                }
            }
            int wrong = 0;
            for (int j = 0; j < n; j++) {
                if (level[j] == Double.POSITIVE_INFINITY) {
                    wrong++;
                }
            }
            return new RunResult(StrictMath.exp(logProduct) * wrong / n, iterations, steps);
        }

        /** The first step of a replica's path with ξ above z (the last step when only its end is above). */
        private int firstAbove(int j, double z) {
            final double[] xi = scores[j];
            for (int m = 0; m < p.steps; m++) {
                if (xi[m] > z) {
                    return m;
                }
            }
            return p.steps;
        }

        /**
         * Continues replica j from step m to the observation time with fresh noise, storing its path; returns its
         * level: +∞ when it ends on the wrong side, otherwise the largest ξ along the path.
         *
         * @param prefixMax the largest ξ over steps 0..m (−∞ when starting at 0)
         */
        private double simulateFrom(int j, int m, double prefixMax) {
            final double[] x = xs[j];
            final double[] v = vs == null ? null : vs[j];
            final double[] score = scores[j];
            score[m] = p.xi(m, x[m], v == null ? 0 : v[m]);
            double max = Math.max(prefixMax, score[m]);
            double xi = x[m];
            state[1] = v == null ? 0 : v[m];
            for (int k = m; k < p.steps; k++) {
                final double c0 = p.c0[k + 1];
                final double c1 = p.c1[k + 1];
                if (v == null) {
                    xi = OverdampedKernel.move(p.integrator, p.potential, xi, gauss.sample(), c0, c1, p.dt, p.noiseScale);
                } else {
                    state[0] = xi;
                    UnderdampedKernel.move(p.potential, state, gauss.sample(), c0, c1, p.dt, p.mass, 1);
                    xi = state[0];
                    v[k + 1] = state[1];
                }
                if (Divergence.diverged(xi)) {
                    throw Divergence.at(xi, (k + 1) * p.dt, p.dt);
                }
                x[k + 1] = xi;
                score[k + 1] = p.xi(k + 1, xi, v == null ? 0 : v[k + 1]);
                max = Math.max(max, score[k + 1]);
            }
            steps += p.steps - m;
            return p.target.isWrong(xi, p.barrierEnd) ? Double.POSITIVE_INFINITY : max;
        }
    }
}
