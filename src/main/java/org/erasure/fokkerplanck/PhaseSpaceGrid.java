package org.erasure.fokkerplanck;

/**
 * The phase-space cells of a Kramers solve: the position cells of a {@link CellGrid} times an even number of
 * velocity cells, symmetric about v = 0 (no cell centre at v = 0), on [−V, V].
 *
 * <p>The discrete Maxwellian is defined from its face values: Mf_{j+½} = exp(−μ v_{j+½}²/2) on the inner faces and 0
 * on the two outer ones (no flux leaves the grid), and the cell values by
 * M_j = (Mf_{j−½} − Mf_{j+½}) / (μ v_j h_v), the exact discrete form of ∂ᵥM = −μ v M. That identity is what makes
 * the grid's Boltzmann–Maxwell density E_i M_j stationary under the discrete Liouville operator of
 * {@link KramersRun}, to rounding; it is computed as Mf·(−expm1(−μ|v_j|h_v))/(μ|v_j|h_v), free of cancellation.
 *
 * @param x        the position cells (a face on the final barrier)
 * @param nv       velocity cells (even)
 * @param vMax     V, the grid's velocity bound (x_m/τ_D)
 * @param hv       velocity cell width, 2V/nv
 * @param mass     the reduced mass μ
 * @param v        cell centres v_j
 * @param face     Mf_{j+½} for j = −1 … nv−1 (index j+1), outer ones 0: nv + 1 values
 * @param maxwell  M_j, cell values
 */
record PhaseSpaceGrid(CellGrid x, int nv, double vMax, double hv, double mass, double[] v, double[] face,
                      double[] maxwell) {

    /** The fewest velocity cells accepted. */
    static final int MIN_VELOCITY_CELLS = 8;

    static PhaseSpaceGrid of(CellGrid x, int nv, double vMax, double mass) {
        if (nv < MIN_VELOCITY_CELLS || nv % 2 != 0) {
            throw new IllegalArgumentException("the velocity grid needs an even number of at least "
                    + MIN_VELOCITY_CELLS + " cells, got " + nv);
        }
        if (!(vMax > 0) || !(mass > 0)) {
            throw new IllegalArgumentException("the velocity bound and the mass must be positive");
        }
        final double hv = 2 * vMax / nv;
        final double[] v = new double[nv];
        final double[] face = new double[nv + 1];
        for (int j = 0; j < nv; j++) {
            v[j] = -vMax + (j + 0.5) * hv;
        }
        for (int j = 1; j < nv; j++) {
            final double vf = -vMax + j * hv;
            face[j] = Math.exp(-0.5 * mass * vf * vf);
        }
        final double[] m = new double[nv];
        for (int j = 0; j < nv; j++) {
            final double a = mass * Math.abs(v[j]) * hv;
            // the face nearer v = 0 carries the larger weight: the upper one for v < 0, the lower one for v > 0
            final double inner = v[j] > 0 ? face[j] : face[j + 1];
            final double outerFace = v[j] > 0 ? face[j + 1] : face[j];
            m[j] = outerFace == 0 ? inner / a : inner * (-Math.expm1(-a)) / a;
        }
        return new PhaseSpaceGrid(x, nv, vMax, hv, mass, v, face, m);
    }

    int nx() {
        return x.n();
    }

    /** Cells in all. */
    long cells() {
        return (long) x.n() * nv;
    }
}
