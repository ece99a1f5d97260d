package org.erasure.physics;

/** Bounds on the work of erasing a bit with error probability ε (SPEC 2.4); energies in kT. */
public final class ErasureBounds {

    private ErasureBounds() {
    }

    /** Binary entropy H(ε) = −ε ln ε − (1−ε) ln(1−ε), in nats; H(0) = H(1) = 0. */
    public static double binaryEntropy(double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("error probability must lie in [0, 1], got " + eps);
        }
        double h = 0;
        if (eps > 0) {
            h -= eps * Math.log(eps);
        }
        if (eps < 1) {
            h -= (1 - eps) * Math.log1p(-eps);
        }
        return h;
    }

    /**
     * Generalized Landauer bound ⟨W⟩ ≥ kT [ln 2 − H(ε)] for erasing a symmetric bit to error ε,
     * in kT (Sagawa &amp; Ueda, PRL 102, 250602 (2009); Bérut et al., Nature 483, 187 (2012)).
     */
    public static double generalizedLandauer(double eps) {
        return Math.log(2) - binaryEntropy(eps);
    }

    /** The reliability cost kT ln(1/ε) of claim B (SPEC 1), in kT; +∞ at ε = 0. */
    public static double logInverseError(double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("error probability must lie in [0, 1], got " + eps);
        }
        return -Math.log(eps);
    }

    /**
     * Returns p when it is a probability; otherwise throws an {@link IllegalStateException} naming it as
     * a numerical fault. Every error probability passes here before it is printed or written.
     */
    public static double requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalStateException("numerical fault: " + what + " = " + p + " is not a probability");
        }
        return p;
    }
}
