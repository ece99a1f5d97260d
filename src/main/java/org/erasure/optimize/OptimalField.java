package org.erasure.optimize;

import org.erasure.model.ErasureProblem;
import org.erasure.physics.Potential;
import org.erasure.physics.TabulatedField;
import org.erasure.protocol.FieldSchedule;

/**
 * The protocol that does the full-control optimum's work: the potential U(x, t) of {@link FullControlOptimum}'s
 * solution, tabulated as a {@link TabulatedField}, so that an engine can run it and check the optimum (issue 26).
 *
 * <p><b>Construction</b> (Aurell, Mejía-Monasterio &amp; Muratore-Ginanneschi, PRL 106, 250601 (2011); Aurell et al.,
 * J. Stat. Phys. 147, 487 (2012); Proesmans, Ehrich &amp; Bechhoefer, PRE 102, 032105 (2020)). The optimal density
 * moves along the displacement interpolation of the optimal map T: at s = t/τ a particle that started at x is at
 * X_s(x) = (1 − s) x + s T(x), with the constant velocity v = (T(x) − x)/τ, and
 * <pre>
 *   p_s(X_s(x)) = p_i(x) / ((1 − s) + s T'(x)).
 * </pre>
 * The overdamped current p v = p (−∂_x U − ∂_x ln p) (kT = γ = 1) then fixes the potential up to a constant of time:
 * <pre>
 *   U(y, t) = −ln p_s(y) − ∫^y v(y', t) dy',   0 &lt; t &lt; τ,
 * </pre>
 * and the potential jumps at t = 0 from U₀ and at t = τ to U_τ, at fixed density. (A constant of time added to U does
 * no net work, the two jumps undo it.) The work is then ΔF + W₂²/τ, the optimum.
 *
 * <p>T comes from the solved cells: within cell k (mass Δu_k, image width w_k), T is the monotone cubic Hermite
 * interpolant in the cell's mass coordinate r (slopes dT/du the harmonic means of the neighbouring cells' w/Δu, as
 * in Fritsch–Butland, one-sided at the ends and at the pinned face, where the optimal density jumps), and r(x) is
 * p_i's own cumulative within the cell (5-point Gauss–Legendre on sub-intervals), so that T'(x) = dT/du · p_i(x)
 * keeps p_i's shape inside cells that span a whole barrier. Each frame is sampled at sub-points of every cell
 * (at least 4 per cell and 2 per field grid step), its potential integrated along them (trapezoid), and
 * interpolated linearly in y onto the field's grid, which has the final barrier as a grid point.
 */
public final class OptimalField {

    /**
     * Beyond the image of p_i's confining interval (where p_i is below e^−80 of its peak) the field rises as a wall,
     * WALL_KT over a twentieth of that interval's width, plus the edge slope where it rises outward: the mass there
     * is negligible, and the field must confine.
     */
    private static final double WALL_KT = 80;
    /** Sub-points per cell at least. */
    private static final int MIN_SUB = 4;

    private OptimalField() {
    }

    /**
     * The problem with its potential and protocol replaced by the tabulated optimal protocol at error {@code eps}:
     * {@code frames} frames in all (frame 0 the initial potential, then {@code frames} − 2 equally spaced in time
     * from t = 0⁺ to τ⁻, then the final potential) on {@code points} grid positions.
     */
    public static ErasureProblem of(ErasureProblem problem, double eps, int cells, int frames, int points) {
        if (frames < 4) {
            throw new IllegalArgumentException("an optimal field needs at least 4 frames, got " + frames);
        }
        if (points < 16) {
            throw new IllegalArgumentException("an optimal field needs at least 16 grid points, got " + points);
        }
        FullControlOptimum.requireCells(cells);
        final FullControlOptimum.TransportMap map = FullControlOptimum.map(problem, eps, cells);
        final Potential pot = map.potential();
        final QuantileCells q = map.cells();
        final double[] x = q.nodes();
        final double[] t = map.chain().nodes();
        final double[] w = map.chain().widths();
        final int nc = q.cells();
        final double xb = pot.barrierPosition(map.final0(), map.final1());
        // the grid: the union of the initial cells' span and the map's image, with xb a grid point
        final double lo0 = Math.min(x[0], t[0]);
        final double hi0 = Math.max(x[nc], t[nc]);
        final double h = (hi0 - lo0) / (points - 1);
        final int below = (int) Math.ceil((xb - lo0) / h);
        final double lo = xb - below * h;
        final int n = Math.max(points, (int) Math.ceil((hi0 - lo) / h) + 1);
        final Samples smp = Samples.of(pot, map.initial0(), map.initial1(), q, t, w, h);

        final double[][] u = new double[frames][n];
        for (int i = 0; i < n; i++) {
            final double y = lo + i * h;
            u[0][i] = pot.energy(y, map.initial0(), map.initial1());
            u[frames - 1][i] = pot.energy(y, map.final0(), map.final1());
        }
        final double[] fractions = new double[frames];
        final int inner = frames - 2;
        for (int j = 0; j < inner; j++) {
            final double s = (double) j / (inner - 1);
            fractions[j + 1] = s;
            smp.frame(s, map.tau(), lo, h, u[j + 1]);
        }
        fractions[frames - 1] = 1;
        final double[][] field = new double[frames][];
        for (int k = 0; k < frames; k++) {
            field[k] = map.mirrored() ? reversed(u[k]) : u[k];
        }
        final double start = map.mirrored() ? -(lo + (n - 1) * h) : lo;
        return new ErasureProblem(TabulatedField.of(start, h, field), FieldSchedule.of(map.tau(), fractions),
                problem.holdTime(), problem.target(), problem.initial(), problem.dynamics());
    }

    private static double[] reversed(double[] a) {
        final double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    /**
     * The Lagrangian sub-points: start x, image T(x), ln p_i(x) and ln T'(x), cell by cell (the pinned face twice,
     * once with each side's slope).
     */
    private record Samples(double[] x, double[] image, double[] logDensity, double[] logSlope, int first, int last,
                           double wall) {

        static Samples of(Potential pot, double c0, double c1, QuantileCells q, double[] t, double[] w, double h) {
            final double[] m = q.mass();
            final double[] nodes = q.nodes();
            final int nc = q.cells();
            final int split = q.split();
            int total = 0;
            final int[] sub = new int[nc];
            for (int k = 0; k < nc; k++) {
                sub[k] = Math.max(MIN_SUB, (int) Math.ceil(2 * (nodes[k + 1] - nodes[k]) / h));
                total += sub[k] + 1;
            }
            final double[] xs = new double[total];
            final double[] ts = new double[total];
            final double[] lp = new double[total];
            final double[] ls = new double[total];
            int p = 0;
            for (int k = 0; k < nc; k++) {
                final double delta = w[k] / m[k];
                // normalised end slopes of the Hermite piece: (dT/du at the face) / (w_k/Δu_k)
                final double alpha = k == 0 || k == split ? 1 : harmonic(w[k - 1] / m[k - 1], delta) / delta;
                final double beta = k == nc - 1 || k + 1 == split ? 1 : harmonic(w[k + 1] / m[k + 1], delta) / delta;
                final int ns = sub[k];
                final double a = nodes[k];
                final double step = (nodes[k + 1] - a) / ns;
                // p_i's cumulative within the cell, relative to its least energy there
                final double[] e = new double[ns + 1];
                double ref = Double.POSITIVE_INFINITY;
                for (int j = 0; j <= ns; j++) {
                    e[j] = pot.energy(a + j * step, c0, c1);
                    ref = Math.min(ref, e[j]);
                }
                final double[] cum = new double[ns + 1];
                for (int j = 0; j < ns; j++) {
                    double s = 0;
                    for (int g = 0; g < QuantileCells.GL_NODES.length; g++) {
                        s += QuantileCells.GL_WEIGHTS[g] * Math.exp(-(pot.energy(a + (j + QuantileCells.GL_NODES[g]) * step, c0, c1) - ref));
                    }
                    cum[j + 1] = cum[j] + s * step;
                }
                final double z = cum[ns];
                final double logZ = Math.log(z) - ref;      // ln ∫_cell e^{−U₀}
                for (int j = 0; j <= ns; j++) {
                    final double r = j == ns ? 1 : cum[j] / z;
                    final double r2 = r * r;
                    final double hermite = alpha * (r - 2 * r2 + r2 * r) + (3 * r2 - 2 * r2 * r) + beta * (r2 * r - r2);
                    final double dh = alpha * (1 - 4 * r + 3 * r2) + 6 * r * (1 - r) + beta * (3 * r2 - 2 * r);
                    xs[p] = a + j * step;
                    ts[p] = j == ns ? t[k] + w[k] : t[k] + w[k] * hermite;
                    lp[p] = -e[j] + Math.log(m[k]) - logZ;
                    ls[p] = Math.log(w[k] * dh) - e[j] - logZ;
                    p++;
                }
            }
            // the confining interval of p_i (e^−80 of its peak beyond): outside its image the field is a wall
            final double[] reach = pot.confiningInterval(c0, c1);
            int first = 0;
            while (first < total - 2 && xs[first] < reach[0]) {
                first++;
            }
            int last = total - 1;
            while (last > first + 1 && xs[last] > reach[1]) {
                last--;
            }
            final double margin = 0.05 * (reach[1] - reach[0]);
            return new Samples(xs, ts, lp, ls, first, last, WALL_KT / (margin * margin));
        }

        /** A rise over a distance, 0 where it falls or the distance is 0. */
        private static double outward(double rise, double distance) {
            return distance > 0 && rise > 0 ? rise / distance : 0;
        }

        private static double harmonic(double l, double r) {
            return 2 / (1 / l + 1 / r);
        }

        /** U at s = t/τ on the grid lo + i·h (i < out.length), its least value 0. */
        void frame(double s, double tau, double lo, double h, double[] out) {
            final int np = x.length;
            final double[] y = new double[np];
            final double[] pot = new double[np];
            double phi = 0;
            for (int j = 0; j < np; j++) {
                y[j] = (1 - s) * x[j] + s * image[j];
                final double v = (image[j] - x[j]) / tau;
                if (j > 0) {
                    final double vPrev = (image[j - 1] - x[j - 1]) / tau;
                    phi += 0.5 * (v + vPrev) * (y[j] - y[j - 1]);
                }
                // ln((1 − s) + s T') without overflow
                final double a = s < 1 ? Math.log1p(-s) : Double.NEGATIVE_INFINITY;
                final double b = s > 0 ? Math.log(s) + logSlope[j] : Double.NEGATIVE_INFINITY;
                final double hi = Math.max(a, b);
                final double stretch = hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
                pot[j] = -(logDensity[j] - stretch) - phi;
            }
            final double slopeLo = outward(pot[first] - pot[first + 1], y[first + 1] - y[first]);
            final double slopeHi = outward(pot[last] - pot[last - 1], y[last] - y[last - 1]);
            int j = first;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < out.length; i++) {
                final double yi = lo + i * h;
                if (yi < y[first]) {
                    final double d = y[first] - yi;
                    out[i] = pot[first] + (slopeLo + wall * d) * d;
                } else if (yi > y[last]) {
                    final double d = yi - y[last];
                    out[i] = pot[last] + (slopeHi + wall * d) * d;
                } else {
                    while (j < last - 1 && y[j + 1] <= yi) {
                        j++;
                    }
                    final double span = y[j + 1] - y[j];
                    final double f = span > 0 ? (yi - y[j]) / span : 1;
                    out[i] = pot[j] + f * (pot[j + 1] - pot[j]);
                }
                min = Math.min(min, out[i]);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] -= min;
            }
        }
    }
}
