package org.erasure.optimize;

import org.erasure.fokkerplanck.FokkerPlanckEngine;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.ErasureBounds;

/**
 * What an optimum is checked against before it is reported: the solve on the verification grid (refined while its
 * numerical error exceeds the tolerance) and the faults that rule a protocol out.
 */
final class OptimumVerification {

    private OptimumVerification() {
    }

    /**
     * The solution at the verification grid, doubled (cells and steps) up to {@code s.refinements()} times
     * while its numerical error exceeds the tolerance; the last one is returned, warnings and all.
     */
    public static FokkerPlanckSolution verify(ErasureProblem problem, ProtocolOptimizer.Settings s) {
        return verify(problem, s, null);
    }

    /** As {@link #verify(ErasureProblem, ProtocolOptimizer.Settings)}, each solve's runs shared with {@code helpers} (null: none). */
    public static FokkerPlanckSolution verify(ErasureProblem problem, ProtocolOptimizer.Settings s, java.util.concurrent.Executor helpers) {
        FokkerPlanckSolution v = solve(problem, s.verify(), helpers);
        for (int k = 0; k < s.refinements() && !v.withinTolerance(); k++) {
            v = FokkerPlanckEngine.refine(problem, v, FokkerPlanckSolution.Tolerance.DEFAULT, helpers);
        }
        return v;
    }

    static FokkerPlanckSolution solve(ErasureProblem problem, FokkerPlanckSettings grid,
                                              java.util.concurrent.Executor helpers) {
        return FokkerPlanckEngine.solve(problem, grid, FokkerPlanckSolution.Tolerance.DEFAULT, null, helpers);
    }

    /**
     * Whether the generalized Landauer bound applies as stated: the symmetric quartic bit at the start
     * (equilibrium, g = 1, F = 0) and the same potential at the end. Then ⟨W⟩ ≥ ΔF_neq = KL(ρ_τ‖ρ_eq)
     * ≥ ln 2 − H(ε) by coarse-graining onto the two wells.
     */
    public static boolean isSymmetricErasure(ProtocolFamily.Member m) {
        final var p = m.protocol();
        final double tau = p.duration();
        return m.potential() instanceof org.erasure.physics.QuarticDoubleWell && p.control0(0) == 1
                && p.control1(0) == 0 && p.control0(tau) == 1 && p.control1(tau) == 0;
    }

    /**
     * A violated bound is a numerical fault, never a result: the second law (⟨W⟩ ≥ ΔF), the
     * finite-time bound, and for symmetric erasures the generalized Landauer bound hold for every
     * protocol. Returns null when none is violated.
     */
    public static String fault(FokkerPlanckResult r, boolean symmetricErasure) {
        final double tol = 1e-6;
        if (!(r.error() >= 0 && r.error() <= 1)) {
            return "error probability " + r.error() + " is not a probability";
        }
        final double eps = r.error();
        final double landauer = ErasureBounds.generalizedLandauer(eps);
        if (r.meanWork() < r.finiteTimeBound() - tol) {
            return String.format("work %.6g kT below the finite-time bound %.6g kT", r.meanWork(), r.finiteTimeBound());
        }
        if (r.meanWork() < r.freeEnergyChange() - tol) {
            return String.format("work %.6g kT below the free-energy change %.6g kT", r.meanWork(), r.freeEnergyChange());
        }
        if (symmetricErasure && r.meanWork() < landauer - tol) {
            return String.format("work %.6g kT below kT[ln2 - H(eps)] = %.6g kT", r.meanWork(), landauer);
        }
        return null;
    }
}
