package org.erasure.rare;

/**
 * The importance function ξ(t, x) of adaptive multilevel splitting: a replica's level is the largest ξ
 * along its path, or +∞ when it ends in the wrong well at the observation time T. Any score gives an
 * unbiased estimate (Bréhier et al., Ann. Appl. Probab. 26, 3559 (2016)); a good one, close to a monotone
 * function of the committor, gives a small variance.
 *
 * <p>{@link CommittorScore}, the committor of the overdamped dynamics from the backward Fokker–Planck equation,
 * is the default: near-optimal for overdamped dynamics, and for underdamped dynamics a good score evaluated at the
 * position the particle would coast to, x + μv (exact in the high-friction limit; the estimate stays unbiased
 * whatever the friction, only its variance grows as inertia matters more). {@link TimeWeightedDistance} needs no
 * solve at all: the signed distance into the
 * wrong side of the current barrier, d = (x_b(t) − x) for target right, weighted by (t/T)^p; for underdamped
 * dynamics x is the position the particle would coast to, x + μv. The weight is
 * what makes it time-aware: an erasure starts with half its particles in the well that will be wrong, so a
 * distance alone would give every left-starting replica a high level at t = 0, while only those still on the
 * wrong side late in the protocol are rare (Bréhier &amp; Lelièvre, arXiv:1811.06289, on scores for fixed-time
 * tail events; Lestang et al., J. Stat. Mech. (2018) 043213, on time-dependent scores).
 */
public sealed interface Score permits Score.TimeWeightedDistance, Score.CommittorScore,
        Score.PhaseSpaceCommittorScore, Score.Auto {

    /** A short name for tables: {@code committor} or {@code distance-p<power>}. */
    String key();

    /**
     * (t/T)^p · d.
     *
     * @param power p ≥ 0 (1 by default; larger values weigh late times more)
     */
    record TimeWeightedDistance(double power) implements Score {
        public TimeWeightedDistance {
            if (!(power >= 0) || Double.isInfinite(power)) {
                throw new IllegalArgumentException("the time weight's power must be finite and non-negative, got "
                        + power);
            }
        }

        /**
         * ξ at time fraction s = t/T of the observation time, for a particle at signed distance d (x_m, or the
         * potential's length unit) into the wrong side of the barrier at that time.
         */
        public double value(double s, double d) {
            return (power == 1 ? s : StrictMath.pow(s, power)) * d;
        }

        @Override
        public String key() {
            return "distance-p" + plain(power);
        }

        @Override
        public String toString() {
            return "time-weighted distance (t/T)^" + plain(power) + " (x_b - x)";
        }

        private static String plain(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * ln q(t, x), the committor of the problem from the backward Fokker–Planck equation
     * ({@link org.erasure.fokkerplanck.Committor}), on a grid of {@code cells} cells and at most {@code slices}
     * stored times (for underdamped dynamics at the coasting position x + μv).
     */
    record CommittorScore(int cells, int slices) implements Score {
        public CommittorScore {
            if (cells < 40 || slices < 2) {
                throw new IllegalArgumentException("the committor score needs at least 40 cells and 2 time slices");
            }
        }

        @Override
        public String key() {
            return "committor";
        }

        @Override
        public String toString() {
            return "committor ln q(t, x) from the backward Fokker-Planck equation (" + cells + " cells)";
        }
    }

    /**
     * ln q(t, x, v), the committor of underdamped dynamics in phase space from the backward Kolmogorov equation
     * ({@link PhaseSpaceCommittor}), on {@code nodesX} × {@code nodesV} nodes and at most {@code slices} stored times.
     */
    record PhaseSpaceCommittorScore(int nodesX, int nodesV, int slices) implements Score {
        public PhaseSpaceCommittorScore {
            if (nodesX < 20 || nodesV < 20 || slices < 2) {
                throw new IllegalArgumentException("the phase-space committor score needs at least 20 x 20 nodes and "
                        + "2 time slices");
            }
        }

        /** The {@link #key()} of every phase-space committor score. */
        public static final String KEY = "phase-space-committor";

        @Override
        public String key() {
            return KEY;
        }

        @Override
        public String toString() {
            return "phase-space committor ln q(t, x, v) from the backward Kolmogorov equation (" + nodesX + " x "
                    + nodesV + " nodes)";
        }
    }

    /** The score chosen for each problem by {@link #resolve}: what {@code score: auto} asks for. */
    record Auto() implements Score {
        @Override
        public String key() {
            return "auto";
        }

        @Override
        public String toString() {
            return "auto (the committor; in phase space for dynamics that oscillate in the well)";
        }
    }

    static Score auto() {
        return new Auto();
    }

    /**
     * The local quality factor √(U''μ) (the final controls' well, reduced units) above which {@link #resolve} picks the
     * phase-space committor: the overdamped committor at x + μv was checked against direct sampling up to 2.5, and
     * failed at 7 (1000 times too low on the cantilever); the phase-space committor was checked from 1 to 7.
     */
    double PHASE_SPACE_FROM_QUALITY = 3;

    /**
     * {@code score} itself, or for {@link Auto} the committor of the problem: from the backward Fokker–Planck equation
     * for overdamped dynamics and underdamped ones up to {@link #PHASE_SPACE_FROM_QUALITY}, in phase space beyond.
     */
    static Score resolve(Score score, org.erasure.model.ErasureProblem problem) {
        if (!(score instanceof Auto)) {
            return score;
        }
        return problem.dynamics() instanceof org.erasure.model.Dynamics.Underdamped
                && quality(problem) > PHASE_SPACE_FROM_QUALITY ? phaseSpaceCommittor() : committor();
    }

    /** √(U''μ) in the well of the final controls (0 for overdamped dynamics). */
    static double quality(org.erasure.model.ErasureProblem problem) {
        if (!(problem.dynamics() instanceof org.erasure.model.Dynamics.Underdamped u)) {
            return 0;
        }
        final double tau = problem.duration();
        final double intra = org.erasure.physics.TimeScales.intraWellTime(problem.potential(),
                problem.protocol().control0(tau), problem.protocol().control1(tau));
        return Math.sqrt(u.mass() / intra);
    }

    static Score phaseSpaceCommittor() {
        return new PhaseSpaceCommittorScore(400, 160, 200);
    }

    static Score committor() {
        return new CommittorScore(400, 2000);
    }

    /** The default weight's power p of {@link TimeWeightedDistance}: late times dominate. */
    double DEFAULT_POWER = 4;

    static Score timeWeightedDistance(double power) {
        return new TimeWeightedDistance(power);
    }
}
