package org.erasure.rare;

import java.util.Objects;

/**
 * Settings of adaptive multilevel splitting (Cérou &amp; Guyader 2007; Bréhier et al. 2016).
 *
 * @param replicas      N, replicas per run, ≥ 2
 * @param killFraction  fraction of the replicas killed per iteration (at least one: k = max(1, round(f·N))),
 *                      in (0, 1); ties at the level kill more, as generalized AMS prescribes
 * @param repetitions   R, independent runs per initial bit value, ≥ 2 (their spread gives the standard error)
 * @param seed          base seed; run r of bit b draws from its own stream, so the result does not depend on
 *                      the number of threads
 * @param score         the importance function ξ(t, x)
 * @param maxIterations iterations per run after which it is stopped as not converging
 */
public record AmsSettings(int replicas, double killFraction, int repetitions, long seed, Score score,
                          long maxIterations) {

    public static final int DEFAULT_REPLICAS = 200;
    public static final double DEFAULT_KILL_FRACTION = 0.05;
    public static final int DEFAULT_REPETITIONS = 20;
    public static final long DEFAULT_MAX_ITERATIONS = 1_000_000;

    public AmsSettings {
        Objects.requireNonNull(score, "score");
        if (replicas < 2) {
            throw new IllegalArgumentException("adaptive multilevel splitting needs at least 2 replicas, got " + replicas);
        }
        if (!(killFraction > 0 && killFraction < 1)) {
            throw new IllegalArgumentException("the kill fraction must lie in (0, 1), got " + killFraction);
        }
        if (repetitions < 2) {
            throw new IllegalArgumentException("at least 2 repetitions are needed for a standard error, got "
                    + repetitions);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive, got " + maxIterations);
        }
    }

    /** Replicas killed per iteration before ties, k = max(1, round(f·N)). */
    public int killCount() {
        return (int) Math.max(1, Math.min(replicas - 1, Math.round(killFraction * replicas)));
    }
}
