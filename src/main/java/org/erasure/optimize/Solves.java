package org.erasure.optimize;

import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TargetWell;

/**
 * Search-grid solves of one family's members by point of the unit box, for one target well, hold and search
 * grid; shared by optimisations that differ only in their error target (claims' frontier at one duration). Each
 * point is solved once: a thread that asks for a point another thread is solving waits for that solve (which
 * itself never waits on this cache), and gets the same result, bit for bit.
 */
public final class Solves {
    private final ProtocolFamily family;
    private final TargetWell target;
    private final double hold;
    private final org.erasure.model.Dynamics dynamics;
    private final ProtocolOptimizer.Settings settings;
    private final java.util.concurrent.ConcurrentHashMap<java.util.List<Double>,
            java.util.concurrent.FutureTask<FokkerPlanckResult>> byPoint =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger unsolved = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String firstUnsolved = "";

    /** Overdamped members' solves. */
    public Solves(ProtocolFamily family, TargetWell target, double hold, ProtocolOptimizer.Settings settings) {
        this(family, target, hold, org.erasure.model.Dynamics.overdamped(), settings);
    }

    /**
     * Solves of members run with the given dynamics: underdamped members on the phase-space (Klein–Kramers) solver,
     * which takes first-order settings only.
     */
    public Solves(ProtocolFamily family, TargetWell target, double hold, org.erasure.model.Dynamics dynamics,
                  ProtocolOptimizer.Settings settings) {
        this.family = family;
        this.target = target;
        this.hold = hold;
        this.dynamics = dynamics;
        this.settings = settings;
    }

    /** A member as the problem these solves solve: its potential and protocol, the target, hold and dynamics. */
    ErasureProblem problem(ProtocolFamily.Member m) {
        return ProtocolOptimizer.problem(m, target, hold).withDynamics(dynamics);
    }

    boolean serves(ProtocolFamily f, TargetWell t, double h, ProtocolOptimizer.Settings s) {
        final FokkerPlanckSettings a = settings.search();
        final FokkerPlanckSettings b = s.search();
        return f == family && t == target && Double.compare(h, hold) == 0 && a.cells() == b.cells()
                && a.velocityCells() == b.velocityCells() && Double.compare(a.velocityReach(), b.velocityReach()) == 0
                && a.timeSteps() == b.timeSteps()
                && a.timeOrder() == b.timeOrder();
    }

    /** Candidates the solver could not solve (a numerical fault), each scored as missing the target. */
    public int unsolved() {
        return unsolved.get();
    }

    /** The first of them in words: the solver's message and the candidate ("" when none). */
    public String firstUnsolved() {
        return firstUnsolved;
    }

    /** Points solved or under way. */
    public int size() {
        return byPoint.size();
    }

    /**
     * The solve of point u, done now (its runs shared with exec, null: none) unless done or under way; null where the
     * solver could not solve it ({@link #unsolved}).
     */
    FokkerPlanckResult get(double[] u, java.util.concurrent.Executor exec) {
        return org.erasure.util.Futures.runOrGet(task(u, exec));
    }

    /** Solves the points not yet solved side by side on helpers and the calling thread, each solve unshared. */
    void prefetch(java.util.List<double[]> points, java.util.concurrent.Executor helpers) {
        final java.util.List<java.util.concurrent.FutureTask<FokkerPlanckResult>> tasks = new java.util.ArrayList<>();
        for (double[] u : points) {
            tasks.add(task(u, null));
        }
        org.erasure.util.Futures.runShared(tasks, helpers);
    }

    /** The task of point u: the one already stored, or a new one, stored (not yet run). */
    private java.util.concurrent.FutureTask<FokkerPlanckResult> task(double[] u,
                                                                      java.util.concurrent.Executor exec) {
        final java.util.List<Double> key = java.util.Arrays.stream(u).boxed().toList();
        final java.util.concurrent.FutureTask<FokkerPlanckResult> known = byPoint.get(key);
        if (known != null) {
            return known;
        }
        final double[] point = u.clone();
        final java.util.concurrent.FutureTask<FokkerPlanckResult> mine = new java.util.concurrent.FutureTask<>(
                () -> {
                    try {
                        return FokkerPlanckEngine.searchAt(problem(family.member(point)), settings.search(), exec);
                    } catch (IllegalStateException e) {
                        // a numerical fault of the solver on a candidate: counted, the first one kept in words with the
                        // candidate (so that it can be solved again on its own), and the candidate scored as missing
                        // the target by the search (null)
                        if (unsolved.getAndIncrement() == 0) {
                            firstUnsolved = e.getMessage() + ", solving the candidate " + family.describe(point);
                        }
                        return null;
                    }
                });
        final java.util.concurrent.FutureTask<FokkerPlanckResult> raced = byPoint.putIfAbsent(key, mine);
        return raced == null ? mine : raced;
    }
}
