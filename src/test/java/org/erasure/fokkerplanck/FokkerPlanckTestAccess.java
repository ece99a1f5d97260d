package org.erasure.fokkerplanck;

/** Package-private pieces of the solver, for tests in other packages. */
public final class FokkerPlanckTestAccess {

    private FokkerPlanckTestAccess() {
    }

    public static double exProbability(double fine, double coarse) {
        return Richardson.exProbability(fine, coarse);
    }
}
